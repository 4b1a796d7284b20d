// ASP.NET Core checks through the real engine, on real files in temp
// directories: appsettings.json, then appsettings.{Environment}.json, then the
// deployment's environment variables; the project's C# sources.

import { describe, expect, it } from '@jest/globals';
import { aspnetChecks } from '../../src/checks/aspnet/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { parseJsoncLeaves } from '../../src/parse/jsonc.js';
import { blankComments } from '../../src/parse/c-comments.js';
import { audit, messages, where } from '../repo-inspect/helpers.js';

const CSPROJ = '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n';
const P = 'src/Api';
const program = (body: string[]): string =>
  ['var builder = WebApplication.CreateBuilder(args);', 'builder.Services.AddControllers();', 'var app = builder.Build();', ...body, 'app.MapControllers();', 'app.Run();', ''].join('\n');
const SAFE_PIPELINE = ['if (!app.Environment.IsDevelopment())', '{', '    app.UseExceptionHandler("/error");', '    app.UseHsts();', '}', 'app.UseHttpsRedirection();'];
const project = (files: Record<string, string>): Record<string, string> => ({ [`${P}/Api.csproj`]: CSPROJ, [`${P}/Program.cs`]: program(SAFE_PIPELINE), ...files });

describe('aspnet.committed-secret', () => {
  const ID = 'aspnet.committed-secret';
  // The example: a reference app ships its token-signing key in appsettings.json and in code.
  const SETTINGS = [
    '{', // 1
    '  // comments and trailing commas, as the JSON configuration provider allows', // 2
    '  "ConnectionStrings": {', // 3
    '    "Default": "Server=db;Database=shop;User Id=sa;Password=Passw0rd123!;",', // 4 P1: a datastore password
    '  },', // 5
    '  "Jwt": {', // 6
    '    "Issuer": "shop",', // 7
    '    "Key": "ThisIsMyVerySecureSigningKeyForTokens"', // 8 P0: the token-signing key
    '  },', // 9
    '  "Stripe": { "SecretKey": "SECRET" },', // 10 a placeholder of another service: not a credential
    '  "AllowedHosts": "*",', // 11
    '}', // 12
  ].join('\n');
  const SIGNING_CODE = [
    'public static class Tokens', // 1
    '{', // 2
    '    static readonly SymmetricSecurityKey Key =', // 3
    '        new SymmetricSecurityKey(Encoding.UTF8.GetBytes("catalog-signing-key-2024-reference"));', // 4 P0
    '}', // 5
  ].join('\n');

  it('reports the signing keys (JSON and code) at P0 and the connection string password at P1, once each, redacted', async () => {
    const result = await audit([...aspnetChecks, ...secretsChecks], project({ [`${P}/appsettings.json`]: SETTINGS, [`${P}/Auth/Tokens.cs`]: SIGNING_CODE }));
    expect(where(result, ID)).toEqual([`fail P0 ${P}/appsettings.json:8`, `fail P0 ${P}/Auth/Tokens.cs:4`, `fail P1 ${P}/appsettings.json:4`]);
    const text = messages(result, ID).join('\n');
    expect(text).toContain('Jwt:Key at src/Api/appsettings.json:8 is a committed literal');
    expect(text).toContain('no production deployment file sets Jwt__Key');
    expect(text).toContain("Environment judged: Production: no production deployment file sets ASPNETCORE_ENVIRONMENT, and Production is ASP.NET Core's default");
    for (const secret of ['ThisIsMyVerySecureSigningKeyForTokens', 'Passw0rd123!', 'catalog-signing-key-2024-reference']) expect(text).not.toContain(secret);
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail') && w.includes('appsettings.json'))).toEqual([]);
  });

  it('judges a credential in appsettings.{Environment}.json of an environment production does not run in as a development value', async () => {
    const docker = '{\n  "ConnectionStrings": {\n    "CatalogConnection": "Server=sqlserver;Database=Catalog;User Id=sa;Password=Qm7vR2xL9kTz4wNp8sYb;"\n  }\n}\n';
    const result = await audit(secretsChecks, project({ [`${P}/appsettings.Docker.json`]: docker, [`${P}/appsettings.json`]: docker }));
    expect(where(result, 'secrets.hardcoded')).toEqual([`fail P0 ${P}/appsettings.json:3`, `fail P2 ${P}/appsettings.Docker.json:3`]);
    expect(messages(result, 'secrets.hardcoded')[1]).toContain('ASP.NET Core loads appsettings.Docker.json only in the Docker environment, and production runs Production');
  });

  it('reports a Google Maps key under a maps section at P2 (public by design once restricted), and another Google key at P0', async () => {
    const key = ['AIza', 'SyB_Z8l3nwUxZhMJykiDUJy6bSHXXlwcq0X'].join('');
    const settings = `{\n  "ui": {\n    "map": {\n      "googleMaps": {\n        "key": "${key}"\n      }\n    }\n  },\n  "translate": {\n    "apiKey": "${key}"\n  }\n}\n`;
    const result = await audit(aspnetChecks, project({ [`${P}/appsettings.json`]: settings }));
    expect(where(result, 'aspnet.committed-secret')).toEqual([`fail P0 ${P}/appsettings.json:10`, `fail P2 ${P}/appsettings.json:5`]);
  });

  it('is P2 for a key whose comment says it is only for a demo', async () => {
    const settings = '{\n  "Security": {\n    /* NOTE! Sensitive data, should be stored in a secure way. Added only for demo purpose. */\n    "TextEncryptionKey": "E546C8DF278CD5990069B522"\n  }\n}\n';
    const result = await audit(aspnetChecks, project({ [`${P}/appsettings.json`]: settings }));
    expect(where(result, 'aspnet.committed-secret')).toEqual([`fail P2 ${P}/appsettings.json:4`]);
    expect(messages(result, 'aspnet.committed-secret')[0]).toContain('P2: the comment beside it says the value is made up or only for a demo.');
  });

  it("is P2 for a client secret its comment calls read-only (Squidex's news feed client), not for a password said to be read-only", async () => {
    const secret = ['QGgq', 'xd7bDHBTEkpC6fj8sbdPWgZrPrPfr3xzb3LKoec='].join('');
    const settings = `{\n  "news": {\n    // The credentials to the app (Readonly).\n    "clientId": "squidex-website:default",\n    "clientSecret": "${secret}"\n  },\n  "reports": {\n    // A read-only database user.\n    "password": "${secret}"\n  }\n}\n`;
    const result = await audit(aspnetChecks, project({ [`${P}/appsettings.json`]: settings }));
    expect(where(result, 'aspnet.committed-secret')).toEqual([`fail P0 ${P}/appsettings.json:9`, `fail P2 ${P}/appsettings.json:5`]);
    expect(messages(result, 'aspnet.committed-secret')[1]).toContain('P2: the comment beside it says it is a read-only client credential');
  });

  it('loads appsettings.{Environment}.json of the deployed environment only, and honours environment overrides', async () => {
    const dev = '{ "Jwt": { "Key": "local-development-signing-key" } }\n';
    const files = project({ [`${P}/appsettings.json`]: '{ "Jwt": { "Issuer": "shop" } }\n', [`${P}/appsettings.Development.json`]: dev, [`${P}/appsettings.Staging.json`]: dev });
    expect(where(await audit(aspnetChecks, files), ID)).toEqual(['pass P0']);
    // The image runs as Staging: its file is loaded.
    const staging = await audit(aspnetChecks, { ...files, [`${P}/Dockerfile`]: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Staging\nCOPY . /app\n' });
    expect(where(staging, ID)).toEqual([`fail P0 ${P}/appsettings.Staging.json:1`]);
    expect(messages(staging, ID)[0]).toContain('Environment judged: ASPNETCORE_ENVIRONMENT=Staging in src/Api/Dockerfile:2');
    // The deployment sets Jwt__Key: the committed value never runs.
    const compose = 'services:\n  api:\n    build: src/Api\n    environment:\n      Jwt__Key: ${JWT_KEY:?set it}\n';
    const overridden = await audit(aspnetChecks, project({ [`${P}/appsettings.json`]: SETTINGS.replace(/.*ConnectionStrings[\s\S]*?\},\n/, ''), 'docker-compose.yml': compose }));
    expect(where(overridden, ID)).toEqual(['pass P0']);
    expect(messages(overridden, ID)[0]).toContain("1 key(s) are overridden by the deployment's environment");
  });
});

describe('aspnet.developer-errors', () => {
  const ID = 'aspnet.developer-errors';

  it('fails an unguarded developer exception page and passes one under IsDevelopment() or the else of !IsDevelopment()', async () => {
    const open = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program(['app.UseDeveloperExceptionPage();', ...SAFE_PIPELINE]) }));
    expect(where(open, ID)).toEqual([`fail P0 ${P}/Program.cs:4`]);
    const guarded = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program(['if (app.Environment.IsDevelopment())', '{', '    app.UseDeveloperExceptionPage();', '}', ...SAFE_PIPELINE]) }));
    expect(where(guarded, ID)).toEqual(['pass P0']);
    const single = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program(['if (app.Environment.IsDevelopment())', '    app.UseDeveloperExceptionPage();', ...SAFE_PIPELINE]) }));
    expect(where(single, ID)).toEqual(['pass P0']);
    const elseBranch = ['if (!env.IsDevelopment())', '{', '    app.UseHsts();', '}', 'else', '{', '    app.UseDeveloperExceptionPage();', '}', 'app.UseHttpsRedirection();'];
    expect(where(await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program(elseBranch) })), ID)).toEqual(['pass P0']);
    // Startup's convention method for the Development environment.
    const startup = ['public class Startup', '{', '    public void ConfigureDevelopment(IApplicationBuilder app)', '    {', '        app.UseDeveloperExceptionPage();', '    }', '}'].join('\n');
    expect(where(await audit(aspnetChecks, project({ [`${P}/Startup.cs`]: startup })), ID)).toEqual(['pass P0']);
        // An alternative that holds in production is no guard.
    const either = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program(['if (app.Environment.IsDevelopment() || selfHosted)', '{', '    app.UseDeveloperExceptionPage();', '}', ...SAFE_PIPELINE]) }));
    expect(where(either, ID)).toEqual([`fail P0 ${P}/Program.cs:6`]);
  });

  it('reports a line of a library that several web projects reference once, naming the projects (grandnode2: 17 findings at one line)', async () => {
    const web = (name: string) => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup><ProjectReference Include="../Common/Common.csproj" /></ItemGroup>\n</Project>\n`.replace('Web">', `Web"><!-- ${name} -->`);
    const files = {
      'src/Common/Common.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n',
      'src/Common/Errors.cs': 'public static class Errors\n{\n    public static void Use(WebApplication app)\n    {\n        app.UseDeveloperExceptionPage();\n    }\n}\n',
      'src/Shop/Shop.csproj': web('Shop'),
      'src/Shop/Program.cs': program(SAFE_PIPELINE),
      'src/Admin/Admin.csproj': web('Admin'),
      'src/Admin/Program.cs': program(SAFE_PIPELINE),
    };
    const result = await audit(aspnetChecks, files);
    expect(where(result, ID)).toEqual(['fail P0 src/Common/Errors.cs:5']);
    expect(messages(result, ID)[0]).toContain('[projects src/Admin/Admin.csproj, src/Shop/Shop.csproj]');
  });

  it('reads an environment-name alternative by the environment production runs in (eShopOnWeb: `|| EnvironmentName == "Docker"`)', async () => {
    const docker = program(['if (app.Environment.IsDevelopment() || app.Environment.EnvironmentName == "Docker")', '{', '    app.UseDeveloperExceptionPage();', '}', ...SAFE_PIPELINE]);
    expect(where(await audit(aspnetChecks, project({ [`${P}/Program.cs`]: docker })), ID)).toEqual(['pass P0']);
    // The same condition when production itself runs as "Docker" holds there.
    const deployed = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: docker, [`${P}/Dockerfile`]: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Docker\nCOPY . /app\n' }));
    expect(where(deployed, ID)).toEqual([`fail P0 ${P}/Program.cs:6`]);
    const production = program(['if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Production"))', '{', '    app.UseDeveloperExceptionPage();', '}', ...SAFE_PIPELINE]);
    expect(where(await audit(aspnetChecks, project({ [`${P}/Program.cs`]: production })), ID)).toEqual([`fail P0 ${P}/Program.cs:6`]);
  });

  it('fails DetailedErrors in the loaded appsettings and a deployment in the Development environment', async () => {
    const detailed = await audit(aspnetChecks, project({ [`${P}/appsettings.json`]: '{\n  "DetailedErrors": true\n}\n' }));
    expect(where(detailed, ID)).toEqual([`fail P0 ${P}/appsettings.json:2`]);
    const devOnly = await audit(aspnetChecks, project({ [`${P}/appsettings.Development.json`]: '{\n  "DetailedErrors": true\n}\n' }));
    expect(where(devOnly, ID)).toEqual(['pass P0']);
    // Nothing shows this image is deployed: its Dockerfile's role is unknown, so at most P1 (SEVERITY.md).
    const devEnv = await audit(aspnetChecks, project({ [`${P}/Dockerfile`]: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_ENVIRONMENT=Development\n' }));
    expect(where(devEnv, ID)).toEqual([`fail P1 ${P}/Dockerfile:2`]);
    expect(messages(devEnv, ID)[0]).toContain('runs the application in the Development environment (ASPNETCORE_ENVIRONMENT=Development in src/Api/Dockerfile:2)');
  });
});

describe('aspnet.https', () => {
  const ID = 'aspnet.https';

  it('passes the template pipeline; fails a missing redirect and HSTS at P1 where the application terminates TLS, P2 otherwise', async () => {
    expect(where(await audit(aspnetChecks, project({})), ID)).toEqual(['pass P1']);
    const bare = program([]);
    const tls = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: bare, [`${P}/Dockerfile`]: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=https://+:443\n' }));
    expect(where(tls, ID)).toEqual([`fail P1 ${P}/Program.cs:4`]);
    expect(messages(tls, ID)[0]).toContain('does not call UseHttpsRedirection() or UseHsts()');
    const proxied = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: bare, [`${P}/Dockerfile`]: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:5000\n' }));
    expect(where(proxied, ID)).toEqual([`fail P2 ${P}/Program.cs:4`]);
    expect(messages(proxied, ID)[0]).toContain('the deployment serves plain HTTP (ASPNETCORE_URLS=http://+:5000 in src/Api/Dockerfile:2)');
    // HSTS only in development does not count.
    const devHsts = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program(['if (app.Environment.IsDevelopment()) { app.UseHsts(); }', 'app.UseHttpsRedirection();']), [`${P}/appsettings.json`]: '{ "Kestrel": { "Endpoints": { "Https": { "Url": "https://0.0.0.0:443" } } } }' }));
    expect(where(devHsts, ID)).toEqual([`fail P1 ${P}/Program.cs:6`]);
    expect(messages(devHsts, ID)[0]).toContain('does not call UseHsts()');
  });

  it('is P2 where only code can load a certificate, beside forwarded headers (BTCPay Server, round 12); P1 with UseHttps() alone', async () => {
    const kestrel = 'builder.WebHost.ConfigureKestrel(k => { if (certPath != null) k.ListenAnyIP(443, l => l.UseHttps(certPath)); });';
    const both = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program([kestrel, 'app.UseForwardedHeaders();']) }));
    expect(where(both, ID)).toEqual([`fail P2 ${P}/Program.cs:6`]);
    expect(messages(both, ID)[0]).toContain('reads forwarded headers, so TLS ends at a proxy');
    const alone = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: program([kestrel]) }));
    expect(where(alone, ID)).toEqual([`fail P1 ${P}/Program.cs:5`]);
  });
});

describe('aspnet.cors-credentials', () => {
  const ID = 'aspnet.cors-credentials';
  const cors = (policy: string) => program(['app.UseCors(policy => policy', `    .${policy}`, '    .AllowAnyHeader().AllowAnyMethod()', '    .AllowCredentials());', ...SAFE_PIPELINE]);

  it('fails an any-origin predicate with credentials (P0) and AllowAnyOrigin with credentials (P1)', async () => {
    const predicate = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: cors('SetIsOriginAllowed(_ => true)') }));
    expect(where(predicate, ID)).toEqual([`fail P0 ${P}/Program.cs:5`]);
    const any = await audit(aspnetChecks, project({ [`${P}/Program.cs`]: cors('AllowAnyOrigin()') }));
    expect(where(any, ID)).toEqual([`fail P1 ${P}/Program.cs:5`]);
  });

  it('passes a predicate that tests the origin, and any origin without credentials', async () => {
    expect(where(await audit(aspnetChecks, project({ [`${P}/Program.cs`]: cors('SetIsOriginAllowed(o => allowed.Contains(o))') })), ID)).toEqual(['pass P0']);
    const noCredentials = program(['app.UseCors(p => p.AllowAnyOrigin().AllowAnyHeader());', ...SAFE_PIPELINE]);
    expect(where(await audit(aspnetChecks, project({ [`${P}/Program.cs`]: noCredentials })), ID)).toEqual(['pass P0']);
  });
});

describe('bad input and the reader', () => {
  it('makes an appsettings file that does not parse an error for the checks that read it, never a pass', async () => {
    const result = await audit(aspnetChecks, project({ [`${P}/appsettings.json`]: '{\n  "Jwt": { "Key": "abc" \n}\n' }));
    expect(where(result, 'aspnet.committed-secret')).toEqual([`error P0 ${P}/appsettings.json:4`]);
    expect(where(result, 'aspnet.developer-errors')).toEqual([`error P0 ${P}/appsettings.json:4`]);
    expect(messages(result, 'aspnet.committed-secret')[0]).toContain('does not parse');
  });

  it('reads JSON with comments, trailing commas and a BOM as leaves with lines', () => {
    const parsed = parseJsoncLeaves('\uFEFF{\n  /* block */ "A": { "B": [1, "two",], },\n  // line\n  "C": null\n}');
    expect(parsed).toEqual({
      ok: true,
      leaves: [
        { key: 'A:B:0', value: 1, line: 2 },
        { key: 'A:B:1', value: 'two', line: 2 },
        { key: 'C', value: null, line: 4 },
      ],
    });
    expect(parseJsoncLeaves('{"a": tru}')).toEqual({ ok: false, line: 1, message: "unexpected character 't'" });
  });

  it('blanks comments but not strings, keeping every offset', () => {
    const code = 'var u = "https://x"; // c\nvar v = @"a""//b"; /* x\ny */ var w = \'/\';\nvar t = """\n// kept\n""";';
    const blanked = blankComments(code);
    expect(blanked.length).toBe(code.length);
    expect(blanked.split('\n')).toEqual(['var u = "https://x";     ', 'var v = @"a""//b";     ', '     var w = \'/\';', 'var t = """', '// kept', '""";']);
  });

  it('reads hostile sources and settings linearly (2 MB of comments, 1 MB of JSON, each in about a second at most)', async () => {
    const hostileCode = `${'/* '.repeat(700_000)}\napp.UseDeveloperExceptionPage();\n`;
    // 180,000 leaves: about 0.25 s in a bundled build, more under ts-jest on a busy machine.
    const hostileJson = `{${'"k": [1, 2, 3], '.repeat(60_000)}"z": 1}`;
    let started = Date.now();
    expect(blankComments(hostileCode).length).toBe(hostileCode.length);
    expect(Date.now() - started).toBeLessThan(1000);
    started = Date.now();
    expect(parseJsoncLeaves(hostileJson).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
    const result = await audit(aspnetChecks, project({ [`${P}/Hostile.cs`]: hostileCode, [`${P}/appsettings.json`]: hostileJson }));
    // The unterminated comment swallows the call: nothing to report, and the settings were read.
    expect(where(result, 'aspnet.developer-errors')).toEqual(['pass P0']);
  });
});
