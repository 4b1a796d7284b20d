import { beforeAll, describe, expect, it } from '@jest/globals';
import { railsChecks } from '../../src/checks/rails/index.js';
import { readRubyConfig as readWith, rubyParser, rubyValue } from '../../src/parse/ruby-config.js';

let parse: Awaited<ReturnType<typeof rubyParser>>;
beforeAll(async () => {
  parse = await rubyParser();
});
const readRubyConfig = (text: string) => readWith(text, parse);
import { audit, messages, where } from '../repo-inspect/helpers.js';

const DEPLOYED = {
  'README.md': '# Store\n\n## Deploy\n\n```sh\ndocker compose up -d\n```\n',
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\n',
  Dockerfile: 'FROM ruby:3.3-slim\nWORKDIR /rails\nCOPY . .\nENV RAILS_ENV=production\nCMD ["bin/rails", "server"]\n',
  'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports:\n      - "3000:3000"\n',
  'config/application.rb': 'require_relative "boot"\nrequire "rails/all"\n\nmodule Store\n  class Application < Rails::Application\n    config.load_defaults 7.1\n    config.time_zone = "UTC"\n  end\nend\n',
};

const PRODUCTION_FLAWED = `require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.enable_reloading = false
  config.consider_all_requests_local = true
  config.force_ssl = ActiveModel::Type::Boolean.new.cast(ENV.fetch("RAILS_FORCE_SSL", "false"))
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE") { "c2f1b9e0a7d44c1f8a3e5b6d7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8" }
  config.hosts.clear
end
`;
const PRODUCTION_CLEAN = `Rails.application.configure do
  config.consider_all_requests_local = false
  config.assume_ssl = true
  config.force_ssl = true
  config.active_storage.service = if ENV["S3_BUCKET"].present?
    :amazon
  else
    :local
  end
  config.hosts << "store.example.com"
  config.host_authorization = { exclude: ->(request) { request.path == "/up" } }
end
`;
const SECRETS = `# Only production: is read in production.
development:
  secret_key_base: 5e626815c7ef00cc5d7b46ff3099160f25e5271b00ced3b8eba1d5045eb0db0ddb925c85b2fea6b2acb4cbdcb779ba9c5a31600f31e6ee8944ada47a768f6a7f

test:
  secret_key_base: 7d754998067691dc61859c6c3109966c44e1756a46fd2409f1d81403599605c103ff84b12102673b498bdbaba04d9949d8d7a2f7af47529ee6dc4dd19f0aef3e

production:
  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>
`;

describe('rails.* on config/application.rb, config/environments/production.rb and the secrets', () => {
  it('reports each production flaw at its line, and a committed master key', async () => {
    const result = await audit(railsChecks, {
      ...DEPLOYED,
      'config/environments/production.rb': PRODUCTION_FLAWED,
      'config/credentials.yml.enc': 'bm90IHJlYWxseSBlbmNyeXB0ZWQ=--aGVsbG8=--d29ybGQ=\n',
      'config/master.key': 'b8f2c4a9d1e7f3a6c5b0d9e8f7a6b5c4\n',
      'config/secrets.yml': SECRETS.replace('<%= ENV["SECRET_KEY_BASE"] %>', 'f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4'),
    }, { git: true });
    expect(where(result, 'rails.consider-all-requests-local')).toEqual(['fail P0 config/environments/production.rb:5']);
    expect(where(result, 'rails.force-ssl')).toEqual(['fail P2 config/environments/production.rb:6']);
    expect(messages(result, 'rails.force-ssl')[0]).toContain('config.force_ssl is false when RAILS_FORCE_SSL is unset');
    expect(where(result, 'rails.hosts')).toEqual(['fail P2 config/environments/production.rb:9']);
    expect(where(result, 'rails.secret-key-base')).toEqual(['fail P0 config/environments/production.rb:8', 'fail P0 config/master.key', 'fail P0 config/secrets.yml:9']);
    const text = messages(result, 'rails.secret-key-base').join('\n');
    expect(text).toContain('it decrypts config/credentials.yml.enc');
    expect(text).toContain('(development, test: not read in production)');
    expect(text).not.toContain('f9a8b7c6d5e4');
    expect(text).not.toContain('c2f1b9e0a7d4');
  });

  it('is P0 for the production credentials key and P2 for the keys of other environments (casa: development, test, qa)', async () => {
    const enc = 'bm90IHJlYWxseSBlbmNyeXB0ZWQ=--aGVsbG8=--d29ybGQ=\n';
    const files: Record<string, string> = { ...DEPLOYED };
    for (const env of ['development', 'test', 'qa', 'production']) {
      files[`config/credentials/${env}.yml.enc`] = enc;
      files[`config/credentials/${env}.key`] = 'b8f2c4a9d1e7f3a6c5b0d9e8f7a6b5c4\n';
    }
    const result = await audit(railsChecks, files, { git: true });
    expect(where(result, 'rails.secret-key-base')).toEqual(['fail P0 config/credentials/production.key', 'fail P2 config/credentials/development.key', 'fail P2 config/credentials/qa.key', 'fail P2 config/credentials/test.key']);
    expect(messages(result, 'rails.secret-key-base')[2]).toContain("it decrypts the qa environment's credentials (config/credentials/qa.yml.enc), which production (RAILS_ENV=production) does not load");
  });

  it('passes a hardened production.rb, and leaves development: and test: secrets to those environments', async () => {
    const result = await audit(railsChecks, { ...DEPLOYED, 'config/environments/production.rb': PRODUCTION_CLEAN, 'config/secrets.yml': SECRETS, 'config/credentials.yml.enc': 'x--y--z\n' }, { git: true });
    expect(result.findings.filter((f) => f.checkId.startsWith('rails.')).map((f) => `${f.checkId} ${f.status}`).sort()).toEqual([
      'rails.consider-all-requests-local pass',
      'rails.force-ssl pass',
      'rails.hosts pass',
      'rails.secret-key-base pass',
    ]);
    expect(messages(result, 'rails.secret-key-base')[0]).toContain('the production secret_key_base of config/secrets.yml is read from the environment (development, test: not read in production)');
  });

  it('leaves to the deployment what an environment variable or a condition decides, and fails an unset force_ssl', async () => {
    const decided = await audit(railsChecks, {
      ...DEPLOYED,
      'config/environments/production.rb': 'Rails.application.configure do\n  config.force_ssl = ENV["FORCE_SSL"].present? && ENV["FORCE_SSL"] != "false"\n  if ENV["DEBUG_ERRORS"]\n    config.consider_all_requests_local = true\n  end\n  config.hosts << ENV.fetch("APP_HOST") if ENV["APP_HOST"]\nend\n',
    });
    expect(where(decided, 'rails.force-ssl')).toEqual(['pass P1']);
    expect(messages(decided, 'rails.force-ssl')[0]).toContain('false when FORCE_SSL is unset');
    expect(where(decided, 'rails.consider-all-requests-local')).toEqual(['pass P0']);
    expect(messages(decided, 'rails.consider-all-requests-local')[0]).toContain('under a condition the deployment decides');
    const unset = await audit(railsChecks, { ...DEPLOYED, 'config/environments/production.rb': 'Rails.application.configure do\n  config.eager_load = true\nend\n' });
    expect(where(unset, 'rails.force-ssl')).toEqual(['fail P2 config/environments/production.rb']);
    expect(messages(unset, 'rails.force-ssl')[0]).toContain("Rails' default is false");
    expect(messages(unset, 'rails.force-ssl')[0]).toContain('TLS ends at a proxy in front');
    // The twin: Puma terminates TLS itself, so the redirect and HSTS are the application's (P1).
    const terminating = await audit(railsChecks, { ...DEPLOYED, 'config/environments/production.rb': 'Rails.application.configure do\n  config.eager_load = true\nend\n', 'config/puma.rb': "ssl_bind '0.0.0.0', '3443', { key: 'key.pem', cert: 'cert.pem' }\n" });
    expect(where(terminating, 'rails.force-ssl')).toEqual(['fail P1 config/environments/production.rb']);
  });

  it('judges production on application.rb and Rails\' defaults when production.rb is not committed, and says so (as Brakeman does)', async () => {
    const result = await audit(railsChecks, { ...DEPLOYED });
    expect(where(result, 'rails.force-ssl')).toEqual(['fail P2 config/application.rb']);
    expect(messages(result, 'rails.force-ssl')[0]).toContain('config.force_ssl is not set in config/application.rb');
    expect(messages(result, 'rails.force-ssl')[0]).toContain("config/environments/production.rb is not in the repository: judged on config/application.rb and Rails' defaults");
    expect(where(result, 'rails.consider-all-requests-local')).toEqual(['pass P0']);
  });

  it('reads the options an initializer sets on Rails.application.config, after production.rb (diaspora\'s enforce_ssl.rb)', async () => {
    const production = 'Rails.application.configure do\n  config.eager_load = true\nend\n';
    const set = await audit(railsChecks, { ...DEPLOYED, 'config/environments/production.rb': production, 'config/initializers/enforce_ssl.rb': 'Rails.application.config.force_ssl = true\n' });
    expect(where(set, 'rails.force-ssl')).toEqual(['pass P1']);
    const decided = await audit(railsChecks, { ...DEPLOYED, 'config/environments/production.rb': production, 'config/initializers/enforce_ssl.rb': 'if AppConfig.environment.require_ssl?\n  Rails.application.config.force_ssl = true\nelsif Rails.env.production?\n  Rails.application.config.force_ssl = false\nend\n' });
    expect(where(decided, 'rails.force-ssl')).toEqual(['pass P1']);
    expect(messages(decided, 'rails.force-ssl')[0]).toContain('config/initializers/enforce_ssl.rb');
  });

  it('skips Host Authorization for an application locked to Rails before 6.0, which has none (plots2 runs 5.2)', async () => {
    const lock = (version: string): string => `GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (${version})\n      actionpack (= ${version})\n\nDEPENDENCIES\n  rails (~> ${version})\n`;
    const old = await audit(railsChecks, { ...DEPLOYED, 'Gemfile.lock': lock('5.2.8.1'), 'config/environments/production.rb': 'Rails.application.configure do\n  config.eager_load = true\nend\n' });
    expect(where(old, 'rails.hosts')).toEqual(['skip P2']);
    expect(messages(old, 'rails.hosts')[0]).toBe('Host Authorization (config.hosts) exists from Rails 6.0; Gemfile.lock locks Rails 5.2.8.1.');
    const current = await audit(railsChecks, { ...DEPLOYED, 'Gemfile.lock': lock('7.1.3'), 'config/environments/production.rb': 'Rails.application.configure do\n  config.eager_load = true\nend\n' });
    expect(where(current, 'rails.hosts')).toEqual(['fail P2 config/environments/production.rb']);
  });

  it('is an error, never a pass, when production.rb cannot be read', async () => {
    const result = await audit(railsChecks, { ...DEPLOYED, 'config/environments/production.rb': 'Rails.application.configure do\n  config.force_ssl = true\nend\nend\n' });
    expect(where(result, 'rails.force-ssl')).toEqual(['error P1 config/environments/production.rb:4']);
    expect(where(result, 'rails.consider-all-requests-local')).toEqual(['error P0 config/environments/production.rb:4']);
  });
});

describe('readRubyConfig', () => {
  it('reads a hash whose last entry ends with a comma before the closing brace (alphagov/signon application.rb)', () => {
    const file = readRubyConfig(`module Signon
  class Application < Rails::Application
    config.action_mailer.notify_settings = {
      api_key: Rails.application.credentials.notify_api_key || "fake-test-api-key",
    }
    config.to_prepare do
      Doorkeeper::ApplicationController.layout "application"
    end
    config.force_ssl = true
  end
end
`);
    expect(file.error).toBeUndefined();
    expect(file.settings.map((s) => s.name)).toContain('force_ssl');
  });

  // Valid Ruby the line reader this replaced could not follow (each an `error` at P0, so NO-GO on a reading error).
  it("reads an expression `if` after an operator (huginn), a block opened inside a continued call and closed on a `}` line (lago), and a hash closed by `})` (sharetribe)", () => {
    const huginn = readRubyConfig(`module Huginn
  class Application < Rails::Application
    config.secret_key_base =
      ENV['APP_SECRET_TOKEN'].presence ||
      if Rails.env.development? || Rails.env.test?
        'dev'
      end
    config.force_ssl = true
  end
end
`);
    expect(huginn.error).toBeUndefined();
    expect(huginn.settings.map((s) => `${s.name} ${s.line} ${s.conditional}`)).toEqual(['secret_key_base 3 false', 'force_ssl 8 false']);
    const lago = readRubyConfig(`Rails.application.configure do
  if ENV["MEMCACHE"].present?
    config.cache_store = :mem_cache_store
  elsif cache?
    cache_store_config = Builder.new
      .with_options(
        error_handler: lambda { |method:, returning:, exception:|
          Rails.logger.warn(exception.message)
        }
      )
    config.cache_store = :redis_cache_store, cache_store_config
  end
  config.log_level = :info
end
`);
    expect(lago.error).toBeUndefined();
    expect(lago.settings.map((s) => `${s.name} ${s.line} ${s.conditional}`)).toEqual(['cache_store 3 true', 'cache_store 11 true', 'log_level 13 false']);
    const sharetribe = readRubyConfig(`module Kassi
  class Application < Rails::Application
    if ENV["S3"]
      paperclip_options.merge!({
        :s3_host_alias => host,
      })
    end
    config.paperclip_defaults = paperclip_options
  end
end
`);
    expect(sharetribe.error).toBeUndefined();
    expect(sharetribe.settings.map((s) => `${s.name} ${s.line} ${s.conditional}`)).toEqual(['paperclip_defaults 8 false']);
  });

  it('reads config.* statements, skips comments and heredocs, and marks conditional ones', () => {
    const file = readRubyConfig(`Rails.application.configure do
  # config.force_ssl = false
  config.log_tags = [ :request_id ] # trailing
  config.cache_store = :redis_cache_store, {
    url: ENV["REDIS_URL"]
  }
  banner = <<~TEXT
    config.force_ssl = false
  TEXT
  unless ENV["NO_SSL"]
    config.force_ssl = true
  end
  config.action_mailer.default_url_options = { host: "example.com" }
  config.x = 1 if Rails.root.join("x").exist?
end
`);
    expect(file.error).toBeUndefined();
    expect(file.settings.map((s) => `${s.name} ${s.op} ${s.line} ${s.conditional}`)).toEqual([
      'log_tags = 3 false',
      'cache_store = 4 false',
      'force_ssl = 11 true',
      'action_mailer.default_url_options = 13 false',
      'x = 14 true',
    ]);
  });

  it('decides values as a deployment that leaves the variables unset gets them', () => {
    expect(rubyValue('ENV.fetch("A", true)')).toEqual({ kind: 'env', vars: ['A'], whenUnset: true, literalDefault: true });
    expect(rubyValue('ENV.fetch("A")')).toEqual({ kind: 'env', vars: ['A'], required: true, literalDefault: false });
    expect(rubyValue("ENV['A']")).toEqual({ kind: 'env', vars: ['A'], whenUnset: null, literalDefault: false });
    expect(rubyValue('ActiveModel::Type::Boolean.new.cast(ENV.fetch("A", "off"))')).toMatchObject({ whenUnset: false, literalDefault: true });
    expect(rubyValue('ENV["A"].blank? || ENV["B"] == "1"')).toEqual({ kind: 'env', vars: ['A', 'B'], whenUnset: true, literalDefault: false });
    expect(rubyValue('Rails.root.join("x")')).toEqual({ kind: 'computed', text: 'Rails.root.join("x")' });
    expect(rubyValue('"a#{b}"').kind).toBe('computed');
  });
});

describe('hostile Rails config', () => {
  it('stays linear on an unclosed parenthesis over many lines and a line of megabytes', () => {
    const started = Date.now();
    const file = readRubyConfig(`Rails.application.configure do\n  config.x = foo(\n${'  1,\n'.repeat(50_000)}end\n`);
    expect(file.settings.length).toBeLessThanOrEqual(1);
    readRubyConfig(`config.y = "${'z'.repeat(2_000_000)}"\n`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
