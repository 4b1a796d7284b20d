import { describe, expect, it } from '@jest/globals';
import { phoenixChecks } from '../../src/checks/phoenix/index.js';
import { parseElixirConfig } from '../../src/parse/elixir-config.js';
import { elixirFallbacks } from '../../src/parse/fallbacks.js';
import { secretsWeakDefault } from '../../src/checks/secrets/weak-default.js';
import { secretsHardcoded } from '../../src/checks/secrets/hardcoded.js';
import { audit, messages, statuses, where } from '../repo-inspect/helpers.js';

const DEPLOYED = {
  'README.md': '# Chat\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
  'mix.exs': 'defmodule Chat.MixProject do\n  use Mix.Project\nend\n',
  Dockerfile: 'FROM elixir:1.17-alpine\nENV MIX_ENV=prod\nWORKDIR /app\nCOPY mix.exs ./\nCOPY config config\nCOPY lib lib\nRUN mix release\nCMD ["/app/_build/prod/rel/chat/bin/chat", "start"]\n',
  'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "4000:4000"\n',
  'lib/chat.ex': 'defmodule Chat do\nend\n',
};

const CONFIG = `import Config

config :chat,
  ecto_repos: [Chat.Repo]

# Configures the endpoint
config :chat, ChatWeb.Endpoint,
  url: [host: "localhost"],
  secret_key_base: "9YWmWz498gUjiMQXLq2PX/GcB5uSlqPmcxKPJ49k0vR+6ytuSydFFyDDD3zwRRWi",
  render_errors: [view: ChatWeb.ErrorView, accepts: ~w(html json), layout: false],
  live_view: [signing_salt: "pRVXwt3k"]

config :logger, :console, format: "$time $metadata[$level] $message\\n"

import_config "#{config_env()}.exs"
`;
const DEV = `import Config

config :chat, ChatWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  debug_errors: true,
  code_reloader: true,
  check_origin: false
`;
const PROD_HARDENED = `import Config

config :chat, ChatWeb.Endpoint,
  cache_static_manifest: "priv/static/cache_manifest.json",
  force_ssl: [rewrite_on: [:x_forwarded_proto], hsts: true]

config :logger, level: :info
`;
const RUNTIME_HARDENED = `import Config

if System.get_env("PHX_SERVER") do
  config :chat, ChatWeb.Endpoint, server: true
end

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  secret_key_base =
    System.get_env("SECRET_KEY_BASE") ||
      raise """
      environment variable SECRET_KEY_BASE is missing.
      You can generate one by calling: mix phx.gen.secret
      """

  host = System.get_env("PHX_HOST") || "example.com"
  port = String.to_integer(System.get_env("PORT") || "4000")

  config :chat, Chat.Repo,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10")

  config :chat, ChatWeb.Endpoint,
    url: [host: host, port: 443, scheme: "https"],
    http: [ip: {0, 0, 0, 0, 0, 0, 0, 0}, port: port],
    secret_key_base: secret_key_base
end
`;

describe('phoenix.* on config.exs -> prod.exs -> runtime.exs for MIX_ENV=prod', () => {
  it('does not report the config.exs secret_key_base that runtime.exs replaces in prod, nor dev.exs settings', async () => {
    const result = await audit(phoenixChecks, { ...DEPLOYED, 'config/config.exs': CONFIG, 'config/dev.exs': DEV, 'config/prod.exs': PROD_HARDENED, 'config/runtime.exs': RUNTIME_HARDENED });
    for (const id of ['phoenix.secret-key-base', 'phoenix.debug-errors', 'phoenix.env-fallback', 'phoenix.check-origin', 'phoenix.force-ssl']) {
      expect([id, ...where(result, id).map((w) => w.split(' ')[0])]).toEqual([id, 'pass']);
    }
    expect(messages(result, 'phoenix.secret-key-base')[0]).toContain('secret_key_base in prod is read from SECRET_KEY_BASE, required (the release refuses to start without it) (config/runtime.exs:32)');
    expect(messages(result, 'phoenix.secret-key-base')[0]).toContain('MIX_ENV=prod: config/config.exs → config/prod.exs → config/runtime.exs');
  });

  it('reports a literal that reaches prod, debug_errors, check_origin, a missing force_ssl and secret fallbacks', async () => {
    const result = await audit(phoenixChecks, {
      ...DEPLOYED,
      'config/config.exs': CONFIG,
      'config/dev.exs': DEV,
      'config/prod.exs': 'import Config\n\nconfig :chat, ChatWeb.Endpoint,\n  cache_static_manifest: "priv/static/cache_manifest.json",\n  debug_errors: true,\n  check_origin: false\n',
      'config/runtime.exs': `import Config

jwt_secret = System.get_env("API_JWT_SECRET", "chat-api-jwt-secret-2021")

if config_env() == :prod do
  config :chat, Chat.Auth, jwt_secret: jwt_secret
  config :chat, Chat.Repo, password: System.get_env("DB_PASSWORD") || "postgres-prod-2021"
end

if config_env() == :dev do
  config :chat, Chat.Mailer, api_key: System.get_env("MAILER_API_KEY", "dev-mailer-key-123456")
end
`,
      'lib/chat_web/endpoint.ex': 'defmodule ChatWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :chat\n  socket "/live", Phoenix.LiveView.Socket, websocket: [connect_info: [session: @session_options]]\nend\n',
    });
    expect(where(result, 'phoenix.secret-key-base')).toEqual(['fail P0 config/config.exs:9']);
    expect(messages(result, 'phoenix.secret-key-base')[0]).not.toContain('9YWmWz498gUj');
    expect(where(result, 'phoenix.debug-errors')).toEqual(['fail P0 config/prod.exs:5']);
    expect(where(result, 'phoenix.check-origin')).toEqual(['fail P1 config/prod.exs:6']);
    expect(where(result, 'phoenix.force-ssl')).toEqual(['fail P2 config/prod.exs']);
    // The dev branch's fallback never reaches prod; a datastore password is P1 (SEVERITY.md).
    expect(where(result, 'phoenix.env-fallback')).toEqual(['fail P0 config/runtime.exs:3', 'fail P1 config/runtime.exs:7']);
    expect(messages(result, 'phoenix.env-fallback')[0]).toContain('System.get_env("API_JWT_SECRET") falls back to a literal');
  });

  it('puts check_origin: false at P2 when no socket connects with the session (token-authenticated sockets)', async () => {
    const result = await audit(phoenixChecks, {
      ...DEPLOYED,
      'config/config.exs': CONFIG,
      'config/prod.exs': 'import Config\n\nconfig :chat, ChatWeb.Endpoint,\n  check_origin: false\n',
      'config/runtime.exs': RUNTIME_HARDENED,
      'lib/chat_web/endpoint.ex': 'defmodule ChatWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :chat\n  socket "/socket", ChatWeb.UserSocket, websocket: true\nend\n',
    });
    expect(where(result, 'phoenix.check-origin')).toEqual(['fail P2 config/prod.exs:4']);
  });

  it('reports a literal fallback of SECRET_KEY_BASE itself, and leaves a condition the deployment decides unjudged', async () => {
    const result = await audit(phoenixChecks, {
      ...DEPLOYED,
      'config/config.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint, url: [host: "localhost"]\nimport_config "#{Mix.env()}.exs"\n',
      'config/prod.exs': 'use Mix.Config\nconfig :chat, ChatWeb.Endpoint, force_ssl: [hsts: true]\n',
      'config/runtime.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint,\n  secret_key_base: System.get_env("SECRET_KEY_BASE", "kY8tq3Zr0vXw5mB2nL7pC4dF9gH1jK6sA0eR3uI8oP2yT5wQ7zX9cV4bN6mM1lL3")\nif System.get_env("ALLOW_ANY_ORIGIN") do\n  config :chat, ChatWeb.Endpoint, check_origin: false\nend\n',
    });
    expect(where(result, 'phoenix.secret-key-base')).toEqual(['fail P0 config/runtime.exs:3']);
    expect(messages(result, 'phoenix.secret-key-base')[0]).toContain('falls back to a literal');
    expect(where(result, 'phoenix.check-origin')).toEqual(['pass P1']);
    expect(where(result, 'phoenix.force-ssl')).toEqual(['pass P1']);
  });

  it('reads an if used as a value: the env-or-else form, a branch that raises, and a test on config_env() (pinchflat, round 12)', async () => {
    const runtime = (fallback: string): string => `import Config
if config_env() == :prod do
  secret_key_base =
    if System.get_env("SECRET_KEY_BASE") do
      System.get_env("SECRET_KEY_BASE")
    else
      ${fallback}
    end
  config :chat, ChatWeb.Endpoint, http: [ip: if(ipv6, do: {0, 0, 0, 0, 0, 0, 0, 0}, else: {0, 0, 0, 0})], secret_key_base: secret_key_base
end
`;
    const files = (fallback: string): Record<string, string> => ({
      ...DEPLOYED,
      'config/config.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint, url: [host: "localhost"], force_ssl: [hsts: true]\n',
      'config/runtime.exs': runtime(fallback),
    });
    // A literal the deployment picks (RUN_CONTEXT=selfhosted in the published image), the other branch refusing to start.
    const literal = await audit(phoenixChecks, files('if System.get_env("RUN_CONTEXT") == "selfhosted" do\n        "ZkuQ3StdmUzBv7gO3m3XZrtQW76e9AX3QIgTLajw3b2HkTLMEx5DOXr2WZsSS1n8"\n      else\n        raise "SECRET_KEY_BASE is missing"\n      end'));
    expect(where(literal, 'phoenix.secret-key-base')).toEqual(['fail P0 config/runtime.exs:5']);
    expect(messages(literal, 'phoenix.secret-key-base')[0]).toContain('falls back to a literal');
    // Raising in every branch but the variable's: the release refuses to start without it.
    const raises = await audit(phoenixChecks, files('raise "SECRET_KEY_BASE is missing"'));
    expect(statuses(raises, 'phoenix.secret-key-base')).toEqual(['pass']);
    // Two computed branches: not judged as a literal either way.
    const computed = await audit(phoenixChecks, files('if System.get_env("RUN_CONTEXT") == "x" do\n        File.read!("/run/secrets/key")\n      else\n        Base.encode64(:crypto.strong_rand_bytes(48))\n      end'));
    expect(statuses(computed, 'phoenix.secret-key-base')).toEqual(['pass']);
  });

  it('judges force_ssl only on endpoints browsers reach, and counts Plug.SSL in the endpoint\'s own code (NervesHub, Livebook, Bonfire, Sequin)', async () => {
    const config = `import Config
config :chat, ChatWeb.Endpoint, url: [host: "chat.example.com"], http: [port: 4000]
config :chat, ChatWeb.MetricsEndpoint, http: [port: 9568]
config :chat, Chat.Desktop.Endpoint, url: [host: "localhost"], http: [port: 4001]
config :chat, ChatWeb.FakeRemoteEndpoint, http: [port: 4002]
config :activity_pub, ActivityPub.Web.Endpoint, render_errors: [view: ActivityPub.ErrorView]
config :chat, AdminWeb.Endpoint, url: [host: "admin.example.com"], http: [port: 4003]
`;
    const endpoint = 'defmodule ChatWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :chat\n  if Mix.env() == :prod do\n    plug Plug.SSL, rewrite_on: [:x_forwarded_proto]\n  end\nend\n';
    const result = await audit(phoenixChecks, { ...DEPLOYED, 'config/config.exs': config, 'lib/chat_web/endpoint.ex': endpoint });
    // Only the admin endpoint is judged and fails; the web endpoint plugs Plug.SSL itself; the others serve no browser.
    expect(where(result, 'phoenix.force-ssl')).toEqual(['fail P2 config/config.exs', 'pass P1', 'skip P1', 'skip P1', 'skip P1', 'skip P1']);
    expect(messages(result, 'phoenix.force-ssl')[0]).toContain('[chat AdminWeb.Endpoint');
    expect(messages(result, 'phoenix.force-ssl')[1]).toContain('ChatWeb.Endpoint plugs Plug.SSL in its own code (lib/chat_web/endpoint.ex:4)');
  });

  it('reads fallbacks of names that are no secrets as such (JWT_CLAIM_VALIDATORS, REQUEST_ID_BAGGAGE_KEY: supabase/realtime, round 13)', async () => {
    const runtime = 'import Config\nif config_env() == :prod do\n  config :chat, Chat.Auth, validators: System.get_env("JWT_CLAIM_VALIDATORS", "{}"), baggage: System.get_env("REQUEST_ID_BAGGAGE_KEY", "request-id"), jwt_secret: System.get_env("API_JWT_SECRET", "f9Kq2mZr7TxL4cVw")\nend\n';
    const result = await audit(phoenixChecks, { ...DEPLOYED, 'config/config.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint, url: [host: "localhost"]\n', 'config/runtime.exs': runtime });
    expect(where(result, 'phoenix.env-fallback')).toEqual(['fail P0 config/runtime.exs:3']);
    expect(messages(result, 'phoenix.env-fallback')[0]).toContain('API_JWT_SECRET');
  });

  it('puts a literal fallback at P2 when the env file the release runs with sets the variable (changelog.com: env.op given to op run)', async () => {
    const files = {
      ...DEPLOYED,
      'config/config.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint,\n  secret_key_base: System.get_env("SECRET_KEY_BASE", "kY8tq3Zr0vXw5mB2nL7pC4dF9gH1jK6sA0eR3uI8oP2yT5wQ7zX9cV4bN6mM1lL3")\n',
      'config/prod.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint, force_ssl: [hsts: true]\n',
    };
    const supplied = await audit(phoenixChecks, { ...files, 'env.op': 'export DATABASE_URL="op://chat/db/url"\nexport SECRET_KEY_BASE="op://chat/phoenix/secret_key_base"\n' });
    expect(where(supplied, 'phoenix.secret-key-base')).toEqual(['fail P2 config/config.exs:3']);
    expect(messages(supplied, 'phoenix.secret-key-base')[0]).toContain('the deployment sets SECRET_KEY_BASE (env.op:2)');
    expect(where(await audit(phoenixChecks, files), 'phoenix.secret-key-base')).toEqual(['fail P0 config/config.exs:3']);
  });

  it('says what it assumed for an import that is not in the repository, and errs on a file that does not parse', async () => {
    const missing = await audit(phoenixChecks, {
      ...DEPLOYED,
      'config/config.exs': CONFIG,
      'config/prod.exs': PROD_HARDENED + 'import_config "prod.secret.exs"\n',
    });
    expect(messages(missing, 'phoenix.secret-key-base')[0]).toContain('Assumed: config/prod.exs:8 imports config/prod.secret.exs, which is not in the repository');
    const broken = await audit(phoenixChecks, { ...DEPLOYED, 'config/config.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint,\n  url: [host: "localhost"\n' });
    expect(where(broken, 'phoenix.secret-key-base')).toEqual(['error P0 config/config.exs:4']);
    expect(where(broken, 'phoenix.env-fallback')).toEqual(['error P0 config/config.exs:4']);
  });
});

describe('secrets.hardcoded on Elixir config scripts', () => {
  it('lowers to P2 the config.exs literal that prod replaces, and keeps it P0 when it reaches prod', async () => {
    const replaced = await audit([secretsHardcoded], { ...DEPLOYED, 'config/config.exs': CONFIG, 'config/prod.exs': PROD_HARDENED, 'config/runtime.exs': RUNTIME_HARDENED });
    expect(where(replaced, 'secrets.hardcoded')).toEqual(['fail P2 config/config.exs:9']);
    expect(messages(replaced, 'secrets.hardcoded')[0]).toContain('prod replaces it (config/runtime.exs:32), so this value is read only outside production');
    const live = await audit([secretsHardcoded], {
      ...DEPLOYED,
      'config/config.exs': CONFIG,
      'config/prod.exs': PROD_HARDENED,
      // Another environment's script, which a prod release never loads.
      'config/mirror.exs': 'import Config\nconfig :chat, ChatWeb.Endpoint,\n  secret_key_base: "Zr7Qw2Lp9Xk4Tm1Vb8Nc3Hs6Jd0Fg5Ry7Ue2Wi9Ao4Sx1Kz8Me3Pq6Bt0Ln5Cv7Gy2Dh"\n',
    });
    expect(where(live, 'secrets.hardcoded')).toEqual(['fail P0 config/config.exs:9', 'fail P2 config/mirror.exs:3']);
    expect(messages(live, 'secrets.hardcoded')[1]).toContain('MIX_ENV=prod does not load config/mirror.exs');
  });
});

describe('secrets.weak-default on Elixir code', () => {
  it('reports a secret fallback in application code, not one in dev.exs, a non-secret one nor a key public by design', async () => {
    const result = await audit([secretsWeakDefault], {
      ...DEPLOYED,
      'lib/chat/token.ex': 'defmodule Chat.Token do\n  # System.get_env("OLD_SECRET", "commented-out-secret")\n  def signer, do: Joken.Signer.create("HS256", System.get_env("API_JWT_SECRET", "chat-public-jwt-secret"))\n  def region, do: System.get_env("AWS_REGION", "eu-west-1")\n  def analytics, do: System.get_env("REACT_APP_POSTHOG_TOKEN", "phc_3xAmPlEk3yF0rBr0ws3rsXyZ1234567890abcd")\n  def key, do: System.get_env("API_SIGNING_SECRET") || "#{System.get_env("HOST")}-key"\nend\n',
      'config/config.exs': 'import Config\nimport_config "#{config_env()}.exs"\n',
      'config/dev.exs': 'import Config\nconfig :chat, :jwt, secret: System.get_env("DEV_JWT_SECRET", "dev-only-jwt-secret")\n',
    });
    expect(where(result, 'secrets.weak-default')).toEqual(['fail P0 lib/chat/token.ex:3']);
    expect(messages(result, 'secrets.weak-default')[0]).toContain('System.get_env("API_JWT_SECRET", …) falls back to');
  });

  it('finds both forms, on a call split over lines, and skips interpolated strings', () => {
    expect(elixirFallbacks('x = System.get_env("A_SECRET",\n  "one")\ny = System.get_env("B_TOKEN") || "two"\nz = System.get_env("C", "#{a}")\n')).toEqual([
      { name: 'A_SECRET', value: 'one', line: 1, form: 'System.get_env("A_SECRET", …)' },
      { name: 'B_TOKEN', value: 'two', line: 3, form: 'System.get_env("B_TOKEN") || …' },
    ]);
  });
});

describe('parseElixirConfig', () => {
  it('reads config calls, assignments and if blocks past calls on atoms, sigils, heredocs, maps and anonymous functions', () => {
    const file = parseElixirConfig(`import Config
config :app, Oban, plugins: [{Oban.Plugins.Lifeline, rescue_after: :timer.minutes(90)}]
geo = case :code.priv_dir(:app) do
  {:error, _} -> nil
  dir -> Path.join(to_string(dir), "geo.mmdb")
end
config :app, :fun, handler: fn x -> x + 1 end, map: %{"a" => 1}, r: ~r/^a.*$/i, s: ~s(a "b")
unless config_env() in [:dev, :test] do
  config :app, key: "v"
else
  config :app, key: """
  heredoc
  """
end
`);
    expect(file.error).toBeUndefined();
    expect(file.statements.map((s) => `${s.kind}:${s.line}`)).toEqual(['config:2', 'assign:3', 'config:7', 'if:8']);
  });

  it('reads a parenthesised block of several expressions as its last one (Claper\'s runtime.exs), and `()` as nil', () => {
    const file = parseElixirConfig(`listen_ip =
  (
    str = System.get_env("LISTEN_IP") || "0.0.0.0"

    case :inet.parse_address(String.to_charlist(str)) do
      {:ok, ip} -> ip
    end
  )
port = (a = 1; "4000")
empty = ()
config :app, Endpoint, http: [ip: listen_ip, port: port], secret_key_base: System.fetch_env!("SECRET_KEY_BASE")
`);
    expect(file.error).toBeUndefined();
    expect(file.statements.map((s) => `${s.kind}:${s.line}`)).toEqual(['assign:1', 'assign:9', 'assign:10', 'config:11']);
    const [, port, empty] = file.statements;
    expect(port).toMatchObject({ value: { kind: 'lit', value: '4000' } });
    expect(empty).toMatchObject({ value: { kind: 'lit', value: null } });
    // The keyword form with a test that starts with an operator (supabase/realtime's runtime.exs, round 13).
    expect(parseElixirConfig('if !(v in [nil, "ipv6", "ipv4"]),\n  do: raise("Invalid IP version")\n\nif key && byte_size(key) != 32,\n  do: raise("must be 32 bytes")\nconfig :app, k: 1\n').error).toBeUndefined();
    // An unclosed block is still a syntax problem, not a pass.
    expect(parseElixirConfig('x = (\n  a = 1\n  b = 2\n').error).toBeDefined();
  });
});

describe('hostile config scripts', () => {
  it('end as syntax problems, in linear time, not as a stack overflow', () => {
    const started = Date.now();
    expect(parseElixirConfig(`config :a, k: ${'['.repeat(20_000)}`).error?.message).toBe('nested too deeply to read');
    expect(parseElixirConfig('if true do\n'.repeat(20_000)).error?.message).toBe('nested too deeply to read');
    expect(parseElixirConfig(`x = "${'a'.repeat(2_000_000)}`).error?.message).toBe('a string is not closed');
    expect(parseElixirConfig(`config :a, k: "${'b'.repeat(2_000_000)}"\n`).error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
