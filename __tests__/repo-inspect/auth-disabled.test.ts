// auth.disabled-in-config through the real engine, on real files: a shipped configuration that switches the
// application's own authentication off, next to the settings that only look alike.

import { describe, expect, it } from '@jest/globals';
import { authDisabledInConfig, switchesIn } from '../../src/checks/auth/disabled-in-config.js';
import { authTurnedOff } from '../../src/model/auth-switches.js';
import { audit, messages, where } from './helpers.js';

const ID = 'auth.disabled-in-config';
const POM = '<project><modelVersion>4.0.0</modelVersion><artifactId>registry</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n';

describe('auth.disabled-in-config', () => {
  it('fails a Spring Boot application whose configuration turns its own authentication off, at P0, and keeps the mail server\'s switch', async () => {
    const props = 'server.port=8848\nspring.mail.properties.mail.smtp.auth=false\n### auth\nnacos.core.auth.enabled=false\n';
    const result = await audit([authDisabledInConfig], { 'server/pom.xml': POM, 'server/src/main/resources/application.properties': props, 'server/src/main/java/App.java': 'class App {}\n' }, { git: true });
    expect(where(result, ID)).toEqual(['fail P0 server/src/main/resources/application.properties:4']);
    expect(messages(result, ID)[0]).toContain('nacos.core.auth.enabled');
  });

  it('follows the profile production runs: a prod profile that turns it back on passes (the twin)', async () => {
    const files = {
      'server/pom.xml': POM,
      'server/src/main/resources/application.properties': 'app.security.enabled=false\n',
      'server/src/main/resources/application-prod.properties': 'app.security.enabled=true\n',
      'server/Dockerfile': 'FROM eclipse-temurin:21-jre\nENV SPRING_PROFILES_ACTIVE=prod\nCOPY target/app.jar /app.jar\n',
    };
    expect(where(await audit([authDisabledInConfig], files, { git: true }), ID)).toEqual(['pass P0']);
  });

  it('judges other configuration files by their role: a packaged conf file nothing deploys is at most P1', async () => {
    const result = await audit([authDisabledInConfig], { 'distribution/conf/server.toml': '[server]\nport = 8080\nauth_mode = "none"\n' }, { git: true });
    expect(where(result, ID)).toEqual(['fail P1 distribution/conf/server.toml:3']);
  });

  it('reads YAML mappings by indentation, and leaves test and client settings alone', () => {
    const yaml = 'app:\n  security:\n    enabled: false   # off for now\nredis:\n  auth:\n    enabled: false\ntest:\n  auth_required: false\n';
    expect(switchesIn('config/app.yml', yaml).map((f) => f.location?.line)).toEqual([3]);
    // An entry of a collection configures that entry (an upstream search engine's own auth), not the application.
    const engines = 'engines:\n  - name: wiki\n    auth:\n      type: "none"\nserver:\n  auth_mode: none\n';
    expect(switchesIn('settings.yml', engines).map((f) => f.location?.line)).toEqual([6]);
  });

  it('leaves a log store\'s multi-tenancy switch alone', async () => {
    expect(where(await audit([authDisabledInConfig], { 'infrastructure/loki.yml': 'auth_enabled: false\n' }, { git: true }), ID)).toEqual(['pass P0']);
  });

  it('knows the shapes of the switch, and what is not one', () => {
    expect(authTurnedOff('DISABLE_AUTH', 'true')).toBe('turns authentication off');
    expect(authTurnedOff('authMode', '"none"')).toBe('sets no authentication');
    expect(authTurnedOff('login_required', 'False')).toBe('makes logging in optional');
    expect(authTurnedOff('auth.enabled', 'true')).toBeUndefined();
    expect(authTurnedOff('mail.smtp.auth', 'false')).toBeUndefined();
    expect(authTurnedOff('DB_AUTH_DISABLED', 'true')).toBeUndefined();
    expect(authTurnedOff('auth_mode', 'oidc')).toBeUndefined();
    expect(authTurnedOff('ssl_require_auth', 'false')).toBeUndefined();
    expect(authTurnedOff('NETBIRD_AUTH_DEVICE_AUTH_PROVIDER', 'none')).toBeUndefined();
  });
});
