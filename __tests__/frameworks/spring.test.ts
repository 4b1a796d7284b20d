// Spring Boot checks through the real engine, on real files in temp
// directories: the configuration production loads (application.yml, the active
// profile's files, the deployment's environment by relaxed binding) and the
// application's Java sources.

import { describe, expect, it } from '@jest/globals';
import { springChecks } from '../../src/checks/spring/index.js';
import { secretsChecks } from '../../src/checks/secrets/index.js';
import { parseProperties } from '../../src/parse/properties.js';
import { canonicalEnvName, canonicalKey, profileMatches } from '../../src/model/frameworks/spring.js';
import { assignmentsIn } from '../../src/model/frameworks/deploy-env.js';
import { audit, messages, where } from '../repo-inspect/helpers.js';

const POM = '<project>\n  <artifactId>shop</artifactId>\n  <dependencies>\n    <dependency><artifactId>spring-boot-starter-web</artifactId></dependency>\n  </dependencies>\n</project>\n';
const SECURE_POM = POM.replace('</dependencies>', '  <dependency><artifactId>spring-boot-starter-security</artifactId></dependency>\n  </dependencies>');
const H2_POM = POM.replace('</dependencies>', '  <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId></dependency>\n  </dependencies>');
const RES = 'src/main/resources';
// The API is published on 8080 by the compose file the README deploys with.
const README = '# Shop\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n';
const compose = (env: string[] = []): string =>
  ['services:', '  api:', '    image: ghcr.io/acme/shop:1.2.0', '    ports:', '      - "8080:8080"', ...(env.length ? ['    environment:', ...env.map((e) => `      - ${e}`)] : []), ''].join('\n');

describe('spring.committed-secret', () => {
  it('judges the Druid console login as the admin UI the application serves: P0 when enabled (eladmin), P2 when off (mall)', async () => {
    const druid = (enabled: string): string => `spring:\n  datasource:\n    druid:\n      stat-view-servlet:\n${enabled}        url-pattern: /druid/*\n        login-username: admin\n        login-password: druid2024\n`;
    const on = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: druid('        enabled: true\n') });
    expect(where(on, 'spring.committed-secret')).toEqual([`fail P0 ${RES}/application.yml:8`]);
    expect(messages(on, 'spring.committed-secret')[0]).toContain('the login of the Druid monitoring console');
    const off = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: druid('') });
    expect(where(off, 'spring.committed-secret')).toEqual([`fail P2 ${RES}/application.yml:7`]);
    // Behind the application's own login (RuoYi's Shiro filter guards /druid): P1; opened by it (eladmin's permitAll): P0.
    const shiro = 'public class ShiroConfig {\n  ShiroFilterFactoryBean shiroFilter() { filters.put("/login", "anon"); filters.put("/**", "user"); return null; }\n}\n';
    const behind = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: druid('        enabled: true\n'), 'src/main/java/shop/ShiroConfig.java': shiro });
    expect(where(behind, 'spring.committed-secret')).toEqual([`fail P1 ${RES}/application.yml:8`]);
    const opened = 'public class SecurityConfig {\n  SecurityFilterChain chain(HttpSecurity http) { return http.authorizeRequests().antMatchers("/druid/**").permitAll().and().build(); }\n}\n';
    const open = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: druid('        enabled: true\n'), 'src/main/java/shop/SecurityConfig.java': opened });
    expect(where(open, 'spring.committed-secret')).toEqual([`fail P0 ${RES}/application.yml:8`]);
    expect(messages(open, 'spring.committed-secret')[0]).toContain('left open by src/main/java/shop/SecurityConfig.java');
  });

  it('reads keys under a section naming another service (storage, courier, WeChat) as that service\'s, not the application\'s signing keys (litemall, round 13)', async () => {
    const yml = ['litemall:', '  express:', '    appKey: XXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '  storage:', '    qiniu:', '      secretKey: 123456', '    tencent:', `      secretKey: ${['Xqtg', 'Wm3p', 'R8vL', 'c2Nz', 'T5yB', 'k9Hd', 'Q1fS', 'j7Ga'].join('')}`, ''].join('\n');
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml });
    expect(where(result, 'spring.committed-secret')).toEqual([`fail P0 ${RES}/application.yml:8`]);
    expect(messages(result, 'spring.committed-secret')[0]).toContain('a generated or provider-format credential');
  });

  it('puts Sa-Token\'s jwt-simple key at P2 (logins still looked up in the token store: mall-swarm), and keeps it P0 in the stateless mode', async () => {
    const yml = 'sa-token:\n  token-name: Authorization\n  jwt-secret-key: sa-token-jwt-key-2024\n';
    const config = (mode: string): string => `package shop;\npublic class SaTokenConfigure {\n  @Bean public StpLogic getStpLogicJwt() { return new StpLogicJwtFor${mode}(); }\n}\n`;
    const simple = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml, 'src/main/java/shop/SaTokenConfigure.java': config('Simple') });
    expect(where(simple, 'spring.committed-secret')).toEqual([`fail P2 ${RES}/application.yml:3`]);
    const stateless = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml, 'src/main/java/shop/SaTokenConfigure.java': config('Stateless') });
    expect(where(stateless, 'spring.committed-secret')).toEqual([`fail P0 ${RES}/application.yml:3`]);
  });

  it('puts the password of an embedded database (H2 in the application\'s process) at P2 (halo)', async () => {
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: 'spring:\n  datasource:\n    url: jdbc:h2:file:~/.halo/db\n    username: admin\n    password: 123456\n' });
    expect(where(result, 'spring.committed-secret')).toEqual([`fail P2 ${RES}/application.yml:5`]);
    expect(messages(result, 'spring.committed-secret')[0]).toContain('runs the database inside the application');
  });

  it('takes the profile from the image a Maven build makes (docker-maven-plugin entryPoint), and a password of digits for a weak one (mall, round 12)', async () => {
    const pom = POM.replace('</project>', '  <build><plugins><plugin><artifactId>docker-maven-plugin</artifactId><configuration><images><image><build><from>openjdk:8</from>\n    <entryPoint>["java", "-jar", "-Dspring.profiles.active=prod", "/app.jar"]</entryPoint>\n  </build></image></images></configuration></plugin></plugins></build>\n</project>');
    const result = await audit(springChecks, {
      'pom.xml': pom,
      [`${RES}/application.yml`]: 'spring:\n  profiles:\n    active: dev\n',
      [`${RES}/application-dev.yml`]: 'spring:\n  datasource:\n    password: root\n',
      [`${RES}/application-prod.yml`]: 'spring:\n  datasource:\n    url: jdbc:mysql://db:3306/mall\n    password: 123456\n  security:\n    password-max-length: 1024\n',
    });
    expect(where(result, 'spring.committed-secret')).toEqual([`fail P1 ${RES}/application-prod.yml:4`]);
    expect(messages(result, 'spring.committed-secret')[0]).toContain('Profiles judged: prod');
    expect(messages(result, 'spring.committed-secret')[0]).toContain('pom.xml');
  });

  const ID = 'spring.committed-secret';
  // The example: admin and shopper JWT signing secrets committed in application.yml.
  const APP_YML = [
    'server:', // 1
    '  port: 8080', // 2
    'jwt:', // 3
    '  admin:', // 4
    '    secret: mall-admin-secret', // 5 P0: the admin tokens' signing key
    '    expiration: 604800', // 6
    '  portal:', // 7
    '    secret: mall-portal-secret', // 8 P0
    'spring:', // 9
    '  datasource:', // 10
    '    url: jdbc:mysql://db:3306/mall', // 11
    '    username: root', // 12
    '    password: ${DB_PASSWORD:root}', // 13 P1: a weak datastore default
    'aliyun:', // 14
    '  oss:', // 15
    '    access-key-secret: ${OSS_SECRET}', // 16 supplied at run time: not judged
    '',
  ].join('\n');

  it('reports the committed signing secrets at P0 and a weak datastore default at P1, once each, redacted', async () => {
    const result = await audit([...springChecks, ...secretsChecks], { 'pom.xml': POM, [`${RES}/application.yml`]: APP_YML, 'docker-compose.yml': compose(), 'README.md': README });
    expect(where(result, ID)).toEqual([`fail P0 ${RES}/application.yml:5`, `fail P0 ${RES}/application.yml:8`, `fail P1 ${RES}/application.yml:13`]);
    const text = messages(result, ID).join('\n');
    expect(text).toContain('jwt.admin.secret at src/main/resources/application.yml:5 is a committed literal');
    expect(text).toContain('the default of ${DB_PASSWORD}, used when the deployment does not set DB_PASSWORD');
    expect(text).toContain('Profiles judged: default; assumed: the default profile');
    for (const secret of ['mall-admin-secret', 'mall-portal-secret']) expect(text).not.toContain(secret);
    // One cause, one finding: the generic scanners yield to the Spring reading.
    expect(where(result, 'secrets.hardcoded').filter((w) => w.startsWith('fail') && w.includes('application.yml'))).toEqual([]);
    expect(where(result, 'secrets.weak-default').filter((w) => w.startsWith('fail') && w.includes('application.yml'))).toEqual([]);
  });

  it("does not take a choice or a name under a secret's heading for a credential (Dependency-Track's secret-management provider and data source name), and still reports the password beside them", async () => {
    const props = ['dt.secret-management.provider=database', 'dt.secret-management.database.datasource.name=default', 'dt.secret-management.database.datasource.password=dtrack-secrets', ''].join('\n');
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.properties`]: props, 'docker-compose.yml': compose(), 'README.md': README });
    expect(where(result, ID)).toEqual([`fail P1 ${RES}/application.properties:3`]);
  });

  it("reads an application.yml the build expands as a Groovy template (komga: \\${...} in double quotes), instead of calling it unparseable", async () => {
    const yml = ['spring:', '  config:', '    import:', '      - "optional:file:\\${app.config-dir}/application.yml"', 'jwt:', '  secret: shop-jwt-secret', ''].join('\n');
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml, 'docker-compose.yml': compose(), 'README.md': README });
    expect(where(result, ID)).toEqual([`fail P0 ${RES}/application.yml:6`]);
    // Broken YAML stays an error.
    const broken = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: 'jwt:\n  secret: "a\\qb"\n', 'docker-compose.yml': compose(), 'README.md': README });
    expect(where(broken, ID)).toEqual([`error P0 ${RES}/application.yml:2`]);
  });

  it('passes secrets read from the environment, and a committed value the deployment overrides by relaxed binding', async () => {
    const clean = APP_YML.replace('mall-admin-secret', '${ADMIN_JWT_SECRET}').replace('mall-portal-secret', '${PORTAL_JWT_SECRET}');
    const env = ['DB_PASSWORD=${DB_PASSWORD:?}'];
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: clean, 'docker-compose.yml': compose(env), 'README.md': README });
    expect(where(result, ID)).toEqual(['pass P0']);
    const overridden = await audit(springChecks, {
      'pom.xml': POM,
      [`${RES}/application.yml`]: APP_YML.replace('${DB_PASSWORD:root}', 'root'),
      'docker-compose.yml': compose(['JWT_ADMIN_SECRET=${JWT_ADMIN_SECRET}', 'JWT_PORTAL_SECRET=${JWT_PORTAL_SECRET}', 'SPRING_DATASOURCE_PASSWORD=${DB_PASSWORD}']),
      'README.md': README,
    });
    expect(where(overridden, ID)).toEqual(['pass P0']);
    expect(messages(overridden, ID)[0]).toContain("3 key(s) are set by the deployment's environment");
  });

  it('judges only the profiles production runs: a dev profile file is not loaded, the prod one is', async () => {
    const files = {
      'pom.xml': POM,
      [`${RES}/application.yml`]: 'spring:\n  application:\n    name: shop\n',
      [`${RES}/application-dev.yml`]: 'jwt:\n  secret: dev-secret-for-local-runs\n',
      [`${RES}/application-prod.yml`]: 'jwt:\n  secret: ${JWT_SECRET}\n',
      'docker-compose.yml': compose(['SPRING_PROFILES_ACTIVE=prod']),
      'README.md': README,
    };
    const result = await audit(springChecks, files);
    expect(where(result, ID)).toEqual(['pass P0']);
    // A deployment that runs the dev profile loads its file; the file stays a development file by its name (P2).
    const dev = await audit(springChecks, { ...files, 'docker-compose.yml': compose(['SPRING_PROFILES_ACTIVE=dev']) });
    expect(where(dev, ID)).toEqual([`fail P2 ${RES}/application-dev.yml:2`]);
    expect(messages(dev, ID)[0]).toContain('Profiles judged: dev; SPRING_PROFILES_ACTIVE=dev in docker-compose.yml:7');
    // A profile of another name is production's own file.
    const live = await audit(springChecks, { ...files, [`${RES}/application-live.yml`]: 'jwt:\n  secret: live-secret-kept-here\n', 'docker-compose.yml': compose(['SPRING_PROFILES_ACTIVE=live']) });
    expect(where(live, ID)).toEqual([`fail P0 ${RES}/application-live.yml:2`]);
  });
});

describe('several applications', () => {
  it("takes each service's profiles from its own deployment files", async () => {
    const live = 'jwt:\n  secret: live-secret-kept-here\n';
    const files = {
      'orders/pom.xml': POM,
      'orders/src/main/resources/application.yml': 'spring:\n  application:\n    name: orders\n',
      'orders/src/main/resources/application-live.yml': live,
      'orders/Dockerfile': 'FROM eclipse-temurin:21-jre\nENV SPRING_PROFILES_ACTIVE=live\n',
      'billing/pom.xml': POM,
      'billing/src/main/resources/application.yml': 'spring:\n  application:\n    name: billing\n',
      'billing/src/main/resources/application-live.yml': live,
      'billing/Dockerfile': 'FROM eclipse-temurin:21-jre\nENV SPRING_PROFILES_ACTIVE=eu\n',
    };
    const result = await audit(springChecks, files);
    // The Dockerfiles are of unknown role, but the profile file they select is the module's main source (production).
    expect(where(result, 'spring.committed-secret')).toEqual(['fail P0 orders/src/main/resources/application-live.yml:2', 'pass P0']);
    expect(messages(result, 'spring.committed-secret')[0]).toContain('SPRING_PROFILES_ACTIVE=live in orders/Dockerfile:2');
    expect(messages(result, 'spring.committed-secret')[1]).toContain('[application billing/src/main/resources]');
  });
});

describe('spring.actuator-exposure', () => {
  const ID = 'spring.actuator-exposure';
  const PROPS = 'spring.application.name=shop\nmanagement.endpoints.web.exposure.include=*\n';

  it('fails every endpoint exposed without Spring Security, and passes it behind Spring Security', async () => {
    const open = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.properties`]: PROPS });
    expect(where(open, ID)).toEqual([`fail P0 ${RES}/application.properties:2`]);
    expect(messages(open, ID)[0]).toContain('exposes heapdump, env');
    const secured = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.properties`]: PROPS });
    expect(where(secured, ID)).toEqual(['pass P0']);
    const health = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.properties`]: 'management.endpoints.web.exposure.include=health,info\n' });
    expect(where(health, ID)).toEqual(['pass P0']);
  });

  it('sees Spring Security brought by a module the application depends on (Gradle project(), Maven module), not by an unrelated one', async () => {
    const app = 'application/src/main/resources';
    const gradle = (deps: string) => ({
      'settings.gradle': "include 'api', 'application', 'tools'\n",
      'api/build.gradle': "dependencies {\n    api 'org.springframework.boot:spring-boot-starter-security'\n}\n",
      'tools/build.gradle': "dependencies {\n    implementation 'org.springframework.boot:spring-boot-starter-security'\n}\n",
      'application/build.gradle': `dependencies {\n    implementation 'org.springframework.boot:spring-boot-starter-web'\n${deps}}\n`,
      [`${app}/application.properties`]: PROPS,
    });
    expect(where(await audit(springChecks, gradle("    implementation project(':api')\n")), ID)).toEqual(['pass P0']);
    expect(where(await audit(springChecks, gradle('')), ID)).toEqual([`fail P0 ${app}/application.properties:2`]);
    const maven = {
      'core/pom.xml': '<project>\n  <parent><artifactId>shop-parent</artifactId></parent>\n  <artifactId>shop-core</artifactId>\n  <dependencies>\n    <dependency><artifactId>spring-boot-starter-security</artifactId></dependency>\n  </dependencies>\n</project>\n',
      'web/pom.xml': '<project>\n  <parent><artifactId>shop-parent</artifactId></parent>\n  <artifactId>shop-web</artifactId>\n  <dependencies>\n    <dependency><artifactId>shop-core</artifactId></dependency>\n  </dependencies>\n</project>\n',
      'web/src/main/resources/application.properties': PROPS,
    };
    expect(where(await audit(springChecks, maven), ID)).toEqual(['pass P0']);
    // A pom that writes its own artifactId before <parent> (mall-swarm, round 13) is known by it, not by its first
    // dependency: the admin module's Spring Security is not on the portal's classpath.
    const swarm = {
      'common/pom.xml': '<project>\n  <artifactId>mall-common</artifactId>\n  <parent><artifactId>mall-swarm</artifactId></parent>\n  <dependencies>\n    <dependency><artifactId>hutool-all</artifactId></dependency>\n  </dependencies>\n</project>\n',
      'a-admin/pom.xml': '<project>\n  <artifactId>mall-admin</artifactId>\n  <parent><artifactId>mall-swarm</artifactId></parent>\n  <dependencies>\n    <dependency><artifactId>mall-mbg</artifactId></dependency>\n    <dependency><artifactId>spring-boot-starter-security</artifactId></dependency>\n  </dependencies>\n</project>\n',
      'mbg/pom.xml': '<project>\n  <artifactId>mall-mbg</artifactId>\n  <parent><artifactId>mall-swarm</artifactId></parent>\n  <dependencies>\n    <dependency><artifactId>mall-common</artifactId></dependency>\n  </dependencies>\n</project>\n',
      'portal/pom.xml': '<project>\n  <artifactId>mall-portal</artifactId>\n  <parent><artifactId>mall-swarm</artifactId></parent>\n  <dependencies>\n    <dependency><artifactId>mall-mbg</artifactId></dependency>\n  </dependencies>\n</project>\n',
      'portal/src/main/resources/application.properties': PROPS,
    };
    expect(where(await audit(springChecks, swarm), ID)).toEqual(['fail P0 portal/src/main/resources/application.properties:2']);
  });

  it('fails a security rule that permits everyone at the actuator endpoints', async () => {
    const config = [
      'package shop;', // 1
      '@Configuration', // 2
      'public class SecurityConfig {', // 3
      '  @Bean SecurityFilterChain chain(HttpSecurity http) throws Exception {', // 4
      '    http.authorizeHttpRequests(a -> a', // 5
      '        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()', // 6
      '        .anyRequest().authenticated());', // 7
      '    return http.build();', // 8
      '  }', // 9
      '}', // 10
    ].join('\n');
    const result = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.properties`]: PROPS, 'src/main/java/shop/SecurityConfig.java': config });
    expect(where(result, ID)).toEqual(['fail P0 src/main/java/shop/SecurityConfig.java:6']);
    // A chain that permits everything and has no rule for the endpoints opens them too; one that names them decides.
    const everything = config.replace('        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()\n        .anyRequest().authenticated());', '        .anyRequest().permitAll());');
    expect(where(await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.properties`]: PROPS, 'src/main/java/shop/SecurityConfig.java': everything }), ID)).toEqual(['fail P0 src/main/java/shop/SecurityConfig.java:6']);
    const admin = config.replace('.permitAll()', '.hasRole("ADMIN")');
    expect(where(await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.properties`]: PROPS, 'src/main/java/shop/SecurityConfig.java': admin }), ID)).toEqual(['pass P0']);
  });
});

describe('spring.error-stacktrace, spring.h2-console, spring.ddl-auto', () => {
  it('fails stack traces in error responses, passes never', async () => {
    const on = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.properties`]: '# errors\nserver.error.include-stacktrace=always\n' });
    expect(where(on, 'spring.error-stacktrace')).toEqual([`fail P0 ${RES}/application.properties:2`]);
    const param = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: 'server:\n  error:\n    include-stacktrace: on_param\n' });
    expect(where(param, 'spring.error-stacktrace')).toEqual([`fail P0 ${RES}/application.yml:3`]);
    const off = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.properties`]: 'server.error.include-stacktrace=never\n' });
    expect(where(off, 'spring.error-stacktrace')).toEqual(['pass P0']);
  });

  it('fails the H2 console in production (P0 open to others, P1 local only), not in a dev-only document', async () => {
    const open = await audit(springChecks, { 'pom.xml': H2_POM, [`${RES}/application.yml`]: 'spring:\n  h2:\n    console:\n      enabled: true\n      settings:\n        web-allow-others: true\n' });
    expect(where(open, 'spring.h2-console')).toEqual([`fail P0 ${RES}/application.yml:4`]);
    const local = await audit(springChecks, { 'pom.xml': H2_POM, [`${RES}/application.properties`]: 'spring.h2.console.enabled=true\n' });
    expect(where(local, 'spring.h2-console')).toEqual([`fail P1 ${RES}/application.properties:1`]);
    // Without H2 on the classpath Spring Boot serves no console.
    const noH2 = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.properties`]: 'spring.h2.console.enabled=true\n' });
    expect(where(noH2, 'spring.h2-console')).toEqual(['pass P0']);
    // A multi-document file: the console is on in the `dev` document only, and production runs `prod`.
    const devOnly = ['spring:', '  profiles:', '    active: prod', '---', 'spring:', '  config:', '    activate:', '      on-profile: dev', '  h2:', '    console:', '      enabled: true', ''].join('\n');
    const result = await audit(springChecks, { 'pom.xml': H2_POM, [`${RES}/application.yml`]: devOnly });
    expect(where(result, 'spring.h2-console')).toEqual(['pass P0']);
    const asDev = await audit(springChecks, { 'pom.xml': H2_POM, [`${RES}/application.yml`]: devOnly.replace('active: prod', 'active: dev') });
    expect(where(asDev, 'spring.h2-console')).toEqual([`fail P1 ${RES}/application.yml:11`]);
  });

  it('fails ddl-auto create (P0) and update (P1) in production, passes validate, an in-memory database, and an override', async () => {
    const yml = (v: string, url = 'jdbc:postgresql://db/shop') => `spring:\n  datasource:\n    url: ${url}\n  jpa:\n    hibernate:\n      ddl-auto: ${v}\n`;
    expect(where(await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml('create-drop') }), 'spring.ddl-auto')).toEqual([`fail P0 ${RES}/application.yml:6`]);
    expect(where(await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml('update') }), 'spring.ddl-auto')).toEqual([`fail P1 ${RES}/application.yml:6`]);
    expect(where(await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml('validate') }), 'spring.ddl-auto')).toEqual(['pass P0']);
    expect(where(await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml('create', 'jdbc:h2:mem:shop') }), 'spring.ddl-auto')).toEqual(['pass P0']);
    const overridden = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: yml('create'), 'docker-compose.yml': compose(['SPRING_JPA_HIBERNATE_DDLAUTO=validate']), 'README.md': README });
    expect(where(overridden, 'spring.ddl-auto')).toEqual(['pass P0']);
  });
});

describe('spring.cors-credentials', () => {
  const ID = 'spring.cors-credentials';
  const cors = (origins: string) =>
    [
      'package shop;', // 1
      'public class SecurityConfig {', // 2
      '  @Bean CorsConfigurationSource cors() {', // 3
      '    CorsConfiguration c = new CorsConfiguration();', // 4
      `    ${origins}`, // 5
      '    c.setAllowCredentials(true);', // 6
      '    // c.addAllowedOriginPattern("*");  an old attempt, commented out', // 7
      '    UrlBasedCorsConfigurationSource s = new UrlBasedCorsConfigurationSource();', // 8
      '    s.registerCorsConfiguration("/**", c);', // 9
      '    return s;', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
  // The example: any origin with credentials, and the session cookie SameSite=None.
  const SAME_SITE_NONE = 'server:\n  servlet:\n    session:\n      cookie:\n        same-site: none\n';

  it('fails any origin pattern with credentials at P0 and names SameSite=None; allowedOrigins("*") at P1', async () => {
    const result = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.yml`]: SAME_SITE_NONE, 'src/main/java/shop/SecurityConfig.java': cors('c.addAllowedOriginPattern("*");') });
    expect(where(result, ID)).toEqual(['fail P0 src/main/java/shop/SecurityConfig.java:5']);
    expect(messages(result, ID)[0]).toContain('SameSite=None');
    const origins = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.yml`]: SAME_SITE_NONE, 'src/main/java/shop/SecurityConfig.java': cors('c.setAllowedOrigins(List.of("*"));') });
    expect(where(origins, ID)).toEqual(['fail P1 src/main/java/shop/SecurityConfig.java:5']);
  });

  it('reads Kotlin configuration and @CrossOrigin the same way', async () => {
    const kotlin = ['@Bean', 'fun cors() = UrlBasedCorsConfigurationSource().apply {', '    registerCorsConfiguration("/**", CorsConfiguration().apply {', '        allowedOriginPatterns = listOf("*")', '        allowCredentials = true', '    })', '}'].join('\n');
    const kt = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.yml`]: 'server:\n  port: 8080\n', 'src/main/kotlin/shop/Cors.kt': kotlin });
    // No cookie is SameSite=None: browsers leave the session cookie off cross-site calls (fineract, halo), so P1.
    expect(where(kt, ID)).toEqual(['fail P1 src/main/kotlin/shop/Cors.kt:4']);
    expect(messages(kt, ID)[0]).toContain('Nothing here sets the session cookie SameSite=None');
    // The code sets its session cookie SameSite=None: any site's calls carry it, P0.
    const cookie = 'fun session(token: String) = ResponseCookie.from("SESSION", token).sameSite("None").secure(true).build()\n';
    const ktNone = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.yml`]: 'server:\n  port: 8080\n', 'src/main/kotlin/shop/Cors.kt': kotlin, 'src/main/kotlin/shop/Session.kt': cookie });
    expect(where(ktNone, ID)).toEqual(['fail P0 src/main/kotlin/shop/Cors.kt:4']);
    expect(messages(ktNone, ID)[0]).toContain('src/main/kotlin/shop/Session.kt sets a cookie SameSite=None');
    const annotated = '@RestController\n@CrossOrigin(originPatterns = "*", allowCredentials = "true")\nclass ApiController {}\n';
    const ann = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.yml`]: SAME_SITE_NONE, 'src/main/java/shop/ApiController.java': annotated });
    expect(where(ann, ID)).toEqual(['fail P0 src/main/java/shop/ApiController.java:2']);
  });

  it('passes listed origins, and fails the same in configuration properties', async () => {
    const listed = await audit(springChecks, { 'pom.xml': SECURE_POM, [`${RES}/application.yml`]: SAME_SITE_NONE, 'src/main/java/shop/SecurityConfig.java': cors('c.setAllowedOriginPatterns(List.of("https://*.example.com"));') });
    expect(where(listed, ID)).toEqual(['pass P0']);
    const gateway = ['spring:', '  cloud:', '    gateway:', '      globalcors:', '        cors-configurations:', "          '[/**]':", '            allowedOriginPatterns: "*"', '            allowCredentials: true', ''].join('\n');
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: gateway });
    expect(where(result, ID)).toEqual([`fail P1 ${RES}/application.yml:7`]);
    const none = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: `${gateway}${SAME_SITE_NONE}` });
    expect(where(none, ID)).toEqual([`fail P0 ${RES}/application.yml:7`]);
  });

  it('is P2 behind a stateless security configuration without HTTP Basic (mall\'s JWT in the Authorization header, round 12); P1 with HTTP Basic (fineract)', async () => {
    const security = (basic: string): string =>
      ['package shop.security;', 'public class SecurityConfig {', '  SecurityFilterChain chain(HttpSecurity http) throws Exception {', `    return http${basic}.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)).build();`, '  }', '}', ''].join('\n');
    const files = (basic: string): Record<string, string> => ({
      'pom.xml': SECURE_POM,
      [`${RES}/application.yml`]: 'server:\n  port: 8080\n',
      'src/main/java/shop/GlobalCorsConfig.java': cors('c.addAllowedOriginPattern("*");'),
      // The shared security module of a multi-module build.
      'security/src/main/java/shop/security/SecurityConfig.java': security(basic),
    });
    const jwt = await audit(springChecks, files(''));
    expect(where(jwt, ID)).toEqual(['fail P2 src/main/java/shop/GlobalCorsConfig.java:5']);
    expect(messages(jwt, ID)[0]).toContain('keeps no session (SessionCreationPolicy.STATELESS at security/src/main/java/shop/security/SecurityConfig.java:4)');
    const basic = await audit(springChecks, files('.httpBasic(Customizer.withDefaults())'));
    expect(where(basic, ID)).toEqual(['fail P1 src/main/java/shop/GlobalCorsConfig.java:5']);
    const disabled = await audit(springChecks, files('.httpBasic(AbstractHttpConfigurer::disable)'));
    expect(where(disabled, ID)).toEqual(['fail P2 src/main/java/shop/GlobalCorsConfig.java:5']);
    // A second, stateless configuration (fineract's OAuth2 one) does not hide the HTTP Basic of the first.
    const both = await audit(springChecks, { ...files('.httpBasic(Customizer.withDefaults())'), 'security/src/main/java/shop/security/OAuth2SecurityConfig.java': security('').replace('class SecurityConfig', 'class OAuth2SecurityConfig') });
    expect(where(both, ID)).toEqual(['fail P1 src/main/java/shop/GlobalCorsConfig.java:5']);
  });
});

describe('bad input and the readers', () => {
  it('makes a configuration file that does not parse an error, never a pass', async () => {
    const result = await audit(springChecks, { 'pom.xml': POM, [`${RES}/application.yml`]: 'jwt:\n  secret: [unclosed\n' });
    for (const check of springChecks) expect(where(result, check.id)[0]).toMatch(/^error P\d src\/main\/resources\/application\.yml:\d$/);
    expect(messages(result, 'spring.committed-secret')[0]).toContain('does not parse');
  });

  it('reads .properties as java.util.Properties does, with Spring Boot documents', () => {
    const text = ['# comment', '! also a comment', 'a.b = one', 'c:two', 'd three', 'long = first \\', '    second', 'esc = tab\\there \\u0041', '#---', 'spring.config.activate.on-profile=prod', 'e='].join('\n');
    const { documents } = parseProperties(text);
    expect(documents[0]).toEqual([
      { key: 'a.b', value: 'one', line: 3 },
      { key: 'c', value: 'two', line: 4 },
      { key: 'd', value: 'three', line: 5 },
      { key: 'long', value: 'first second', line: 6 },
      { key: 'esc', value: 'tab\there A', line: 8 },
    ]);
    expect(documents[1]).toEqual([
      { key: 'spring.config.activate.on-profile', value: 'prod', line: 10 },
      { key: 'e', value: '', line: 11 },
    ]);
  });

  it('stays linear on 2 MB of continuation lines', () => {
    const started = Date.now();
    const { documents } = parseProperties(`key = ${'ab\\\n'.repeat(500_000)}end\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(documents[0]![0]!.value.length).toBe(1_000_003);
  });

  it('compares keys as relaxed binding does', () => {
    expect(canonicalKey('spring.jpa.hibernate.ddl-auto')).toBe(canonicalKey('spring.jpa.hibernate.ddlAuto'));
    expect(canonicalEnvName('SPRING_JPA_HIBERNATE_DDLAUTO')).toBe(canonicalKey('spring.jpa.hibernate.ddl-auto'));
    expect(profileMatches('!dev', ['prod'])).toBe(true);
    expect(profileMatches('prod & eu', ['prod'])).toBe(false);
    expect(profileMatches('staging | prod', ['prod'])).toBe(true);
  });

  it('reads the environment a deployment file sets: compose, Dockerfile, Kubernetes and command-line forms', () => {
    const wanted = (n: string) => /^(SPRING_PROFILES_ACTIVE|spring\.profiles\.active|JWT_SECRET)$/.test(n);
    const k8s = 'env:\n  - name: SPRING_PROFILES_ACTIVE\n    value: "prod,eu"\n  - name: OTHER\n    value: x\n';
    expect(assignmentsIn(k8s, wanted)).toEqual([{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod,eu', line: 2 }]);
    const dockerfile = 'FROM eclipse-temurin:21-jre\nENV JWT_SECRET placeholder\nENTRYPOINT ["java", "-Dspring.profiles.active=prod", "-jar", "/app.jar"]\n';
    expect(assignmentsIn(dockerfile, wanted)).toEqual([
      { name: 'JWT_SECRET', value: 'placeholder', line: 2 },
      { name: 'spring.profiles.active', value: 'prod', line: 3 },
    ]);
    const composeMap = 'services:\n  api:\n    environment:\n      SPRING_PROFILES_ACTIVE: "prod" # the live profile\n      # JWT_SECRET: old\n';
    expect(assignmentsIn(composeMap, wanted)).toEqual([{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod', line: 4 }]);
  });
});
