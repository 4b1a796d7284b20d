// The risks a senior reviewer puts first (issue 12): committed database
// dumps, code bind-mounted over the image, exposed admin tools, migrations
// raced on start. Fixtures are modelled on the real shapes that were missed,
// each with a clean twin.

import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeRepo, type TempRepo } from '../helpers/repo.js';
import { of, runChecks } from '../helpers/run-checks.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { recogniseDump } from '../../src/checks/data/recognise.js';
import { sqliteFile } from '../helpers/sqlite.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function audit(files: Record<string, string | Buffer>, id: string, options: { git?: boolean; config?: Record<string, unknown> } = {}) {
  const repo = makeRepo(files, { git: options.git ?? true });
  repos.push(repo);
  const result = await runChecks(ALL_CHECKS.filter((c) => c.id === id), { repo: repo.root, config: options.config });
  return of(result, id);
}

const failing = (findings: Array<{ status: string; severity: string; location?: { path: string; line: number } }>) =>
  findings.filter((f) => f.status === 'fail').map((f) => `${f.severity} ${f.location ? `${f.location.path}:${f.location.line}` : '-'}`);

// Real `pg_dump -Fc` output (PostgreSQL 15.18) of a throw-away database "school" with a table
// "pupils" holding two made-up rows and an empty table "empty_t"; and the same with `-s` (schema only).
const PG_CUSTOM = Buffer.from('UEdETVABDgAECAEBAQAAAAAtAAAAABEAAAAAFQAAAAAaAAAAAAoAAAAAfgAAAAAAAAAAAAYAAABzY2hvb2wAHgAAADE1LjE4IChEZWJpYW4gMTUuMTgtMCtkZWIxMnUxKQAeAAAAMTUuMTggKERlYmlhbiAxNS4xOC0wK2RlYjEydTEpAA0AAAAAFw0AAAAAAAAAAAEAAAAwAAEAAAAwAAgAAABFTkNPRElORwAIAAAARU5DT0RJTkcAAgAAAAAeAAAAU0VUIGNsaWVudF9lbmNvZGluZyA9ICdVVEY4JzsKAQEAAAABAQAAAAEBAAAAAQEAAAABAQAAAAEBAAAAAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAABgNAAAAAAAAAAABAAAAMAABAAAAMAAKAAAAU1REU1RSSU5HUwAKAAAAU1REU1RSSU5HUwACAAAAACgAAABTRVQgc3RhbmRhcmRfY29uZm9ybWluZ19zdHJpbmdzID0gJ29uJzsKAQEAAAABAQAAAAEBAAAAAQEAAAABAQAAAAEBAAAAAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAABkNAAAAAAAAAAABAAAAMAABAAAAMAAKAAAAU0VBUkNIUEFUSAAKAAAAU0VBUkNIUEFUSAACAAAAADgAAABTRUxFQ1QgcGdfY2F0YWxvZy5zZXRfY29uZmlnKCdzZWFyY2hfcGF0aCcsICcnLCBmYWxzZSk7CgEBAAAAAQEAAAABAQAAAAEBAAAAAQEAAAABAQAAAAAFAAAAZmFsc2UBAQAAAAMAAAAAAAAAAAAaDQAAAAAAAAAABAAAADEyNjIABQAAADE2Mzg0AAYAAABzY2hvb2wACAAAAERBVEFCQVNFAAIAAAAAbgAAAENSRUFURSBEQVRBQkFTRSBzY2hvb2wgV0lUSCBURU1QTEFURSA9IHRlbXBsYXRlMCBFTkNPRElORyA9ICdVVEY4JyBMT0NBTEVfUFJPVklERVIgPSBsaWJjIExPQ0FMRSA9ICdDLlVURi04JzsKABYAAABEUk9QIERBVEFCQVNFIHNjaG9vbDsKAQEAAAABAQAAAAEBAAAAAQEAAAAAAgAAAHBnAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAANgAAAAAAAAAAAAEAAAAMTI1OQAFAAAAMTYzOTQABwAAAGVtcHR5X3QABQAAAFRBQkxFAAIAAAAAMAAAAENSRUFURSBUQUJMRSBwdWJsaWMuZW1wdHlfdCAoCiAgICBpZCBpbnRlZ2VyCik7CgAbAAAARFJPUCBUQUJMRSBwdWJsaWMuZW1wdHlfdDsKAQEAAAAABgAAAHB1YmxpYwAAAAAAAAQAAABoZWFwAAIAAABwZwAFAAAAZmFsc2UBAQAAAAMAAAAAAAAAAADXAAAAAAAAAAAABAAAADEyNTkABQAAADE2Mzg2AAYAAABwdXBpbHMABQAAAFRBQkxFAAIAAAAAYAAAAENSRUFURSBUQUJMRSBwdWJsaWMucHVwaWxzICgKICAgIGlkIGludGVnZXIgTk9UIE5VTEwsCiAgICBlbWFpbCB0ZXh0LAogICAgcGFzc3dvcmRfaGFzaCB0ZXh0Cik7CgAaAAAARFJPUCBUQUJMRSBwdWJsaWMucHVwaWxzOwoBAQAAAAAGAAAAcHVibGljAAAAAAAABAAAAGhlYXAAAgAAAHBnAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAANYAAAAAAAAAAAAEAAAAMTI1OQAFAAAAMTYzODUADQAAAHB1cGlsc19pZF9zZXEACAAAAFNFUVVFTkNFAAIAAAAAhQAAAENSRUFURSBTRVFVRU5DRSBwdWJsaWMucHVwaWxzX2lkX3NlcQogICAgQVMgaW50ZWdlcgogICAgU1RBUlQgV0lUSCAxCiAgICBJTkNSRU1FTlQgQlkgMQogICAgTk8gTUlOVkFMVUUKICAgIE5PIE1BWFZBTFVFCiAgICBDQUNIRSAxOwoAJAAAAERST1AgU0VRVUVOQ0UgcHVibGljLnB1cGlsc19pZF9zZXE7CgEBAAAAAAYAAABwdWJsaWMBAQAAAAEBAAAAAAIAAABwZwAFAAAAZmFsc2UAAwAAADIxNQEBAAAAAwAAAAAAAAAAABsNAAAAAAAAAAABAAAAMAABAAAAMAANAAAAcHVwaWxzX2lkX3NlcQARAAAAU0VRVUVOQ0UgT1dORUQgQlkAAgAAAAA/AAAAQUxURVIgU0VRVUVOQ0UgcHVibGljLnB1cGlsc19pZF9zZXEgT1dORUQgQlkgcHVibGljLnB1cGlscy5pZDsKAQEAAAABAQAAAAAGAAAAcHVibGljAQEAAAABAQAAAAACAAAAcGcABQAAAGZhbHNlAAMAAAAyMTQBAQAAAAMAAAAAAAAAAACBDAAAAAAAAAAABAAAADI2MDQABQAAADE2Mzg5AAkAAABwdXBpbHMgaWQABwAAAERFRkFVTFQAAgAAAABmAAAAQUxURVIgVEFCTEUgT05MWSBwdWJsaWMucHVwaWxzIEFMVEVSIENPTFVNTiBpZCBTRVQgREVGQVVMVCBuZXh0dmFsKCdwdWJsaWMucHVwaWxzX2lkX3NlcSc6OnJlZ2NsYXNzKTsKADgAAABBTFRFUiBUQUJMRSBwdWJsaWMucHVwaWxzIEFMVEVSIENPTFVNTiBpZCBEUk9QIERFRkFVTFQ7CgEBAAAAAAYAAABwdWJsaWMBAQAAAAEBAAAAAAIAAABwZwAFAAAAZmFsc2UAAwAAADIxNQADAAAAMjE0AAMAAAAyMTUBAQAAAAMAAAAAAAAAAAAUDQAAAAEAAAAAAQAAADAABQAAADE2Mzk0AAcAAABlbXB0eV90AAoAAABUQUJMRSBEQVRBAAMAAAABAQAAAAEBAAAAACUAAABDT1BZIHB1YmxpYy5lbXB0eV90IChpZCkgRlJPTSBzdGRpbjsKAAYAAABwdWJsaWMBAQAAAAEBAAAAAAIAAABwZwAFAAAAZmFsc2UAAwAAADIxNgEBAAAAAp4LAAAAAAAAABMNAAAAAQAAAAABAAAAMAAFAAAAMTYzODYABgAAAHB1cGlscwAKAAAAVEFCTEUgREFUQQADAAAAAQEAAAABAQAAAAA6AAAAQ09QWSBwdWJsaWMucHVwaWxzIChpZCwgZW1haWwsIHBhc3N3b3JkX2hhc2gpIEZST00gc3RkaW47CgAGAAAAcHVibGljAQEAAAABAQAAAAACAAAAcGcABQAAAGZhbHNlAAMAAAAyMTUBAQAAAAK7CwAAAAAAAAAcDQAAAAAAAAAAAQAAADAAAQAAADAADQAAAHB1cGlsc19pZF9zZXEADAAAAFNFUVVFTkNFIFNFVAADAAAAADsAAABTRUxFQ1QgcGdfY2F0YWxvZy5zZXR2YWwoJ3B1YmxpYy5wdXBpbHNfaWRfc2VxJywgMiwgdHJ1ZSk7CgEBAAAAAQEAAAAABgAAAHB1YmxpYwEBAAAAAQEAAAAAAgAAAHBnAAUAAABmYWxzZQADAAAAMjE0AQEAAAADAAAAAAAAAAAAgwwAAAAAAAAAAAQAAAAyNjA2AAUAAAAxNjM5MwASAAAAcHVwaWxzIHB1cGlsc19wa2V5AAoAAABDT05TVFJBSU5UAAQAAAAAUAAAAEFMVEVSIFRBQkxFIE9OTFkgcHVibGljLnB1cGlscwogICAgQUREIENPTlNUUkFJTlQgcHVwaWxzX3BrZXkgUFJJTUFSWSBLRVkgKGlkKTsKADwAAABBTFRFUiBUQUJMRSBPTkxZIHB1YmxpYy5wdXBpbHMgRFJPUCBDT05TVFJBSU5UIHB1cGlsc19wa2V5OwoBAQAAAAAGAAAAcHVibGljAAAAAAABAQAAAAACAAAAcGcABQAAAGZhbHNlAAMAAAAyMTUBAQAAAAMAAAAAAAAAAAEAFA0AAAANAAAAeJyL0ePi4gIAAsUAqQAAAAAAAQATDQAAACkAAAB4nDPkTHRI0kvmLEjKTkkzUqngMuJMcUjVS4MJVHLF6HFxcQEA1TQKIAAAAAAA', 'base64');
const PG_CUSTOM_SCHEMA_ONLY = Buffer.from('UEdETVABDgAECAEBAQAAAAAuAAAAABEAAAAAFQAAAAAaAAAAAAoAAAAAfgAAAAAAAAAAAAYAAABzY2hvb2wAHgAAADE1LjE4IChEZWJpYW4gMTUuMTgtMCtkZWIxMnUxKQAeAAAAMTUuMTggKERlYmlhbiAxNS4xOC0wK2RlYjEydTEpAAoAAAAAFA0AAAAAAAAAAAEAAAAwAAEAAAAwAAgAAABFTkNPRElORwAIAAAARU5DT0RJTkcAAgAAAAAeAAAAU0VUIGNsaWVudF9lbmNvZGluZyA9ICdVVEY4JzsKAQEAAAABAQAAAAEBAAAAAQEAAAABAQAAAAEBAAAAAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAABUNAAAAAAAAAAABAAAAMAABAAAAMAAKAAAAU1REU1RSSU5HUwAKAAAAU1REU1RSSU5HUwACAAAAACgAAABTRVQgc3RhbmRhcmRfY29uZm9ybWluZ19zdHJpbmdzID0gJ29uJzsKAQEAAAABAQAAAAEBAAAAAQEAAAABAQAAAAEBAAAAAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAABYNAAAAAAAAAAABAAAAMAABAAAAMAAKAAAAU0VBUkNIUEFUSAAKAAAAU0VBUkNIUEFUSAACAAAAADgAAABTRUxFQ1QgcGdfY2F0YWxvZy5zZXRfY29uZmlnKCdzZWFyY2hfcGF0aCcsICcnLCBmYWxzZSk7CgEBAAAAAQEAAAABAQAAAAEBAAAAAQEAAAABAQAAAAAFAAAAZmFsc2UBAQAAAAMAAAAAAAAAAAAXDQAAAAAAAAAABAAAADEyNjIABQAAADE2Mzg0AAYAAABzY2hvb2wACAAAAERBVEFCQVNFAAIAAAAAbgAAAENSRUFURSBEQVRBQkFTRSBzY2hvb2wgV0lUSCBURU1QTEFURSA9IHRlbXBsYXRlMCBFTkNPRElORyA9ICdVVEY4JyBMT0NBTEVfUFJPVklERVIgPSBsaWJjIExPQ0FMRSA9ICdDLlVURi04JzsKABYAAABEUk9QIERBVEFCQVNFIHNjaG9vbDsKAQEAAAABAQAAAAEBAAAAAQEAAAAAAgAAAHBnAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAANgAAAAAAAAAAAAEAAAAMTI1OQAFAAAAMTYzOTQABwAAAGVtcHR5X3QABQAAAFRBQkxFAAIAAAAAMAAAAENSRUFURSBUQUJMRSBwdWJsaWMuZW1wdHlfdCAoCiAgICBpZCBpbnRlZ2VyCik7CgAbAAAARFJPUCBUQUJMRSBwdWJsaWMuZW1wdHlfdDsKAQEAAAAABgAAAHB1YmxpYwAAAAAAAAQAAABoZWFwAAIAAABwZwAFAAAAZmFsc2UBAQAAAAMAAAAAAAAAAADXAAAAAAAAAAAABAAAADEyNTkABQAAADE2Mzg2AAYAAABwdXBpbHMABQAAAFRBQkxFAAIAAAAAYAAAAENSRUFURSBUQUJMRSBwdWJsaWMucHVwaWxzICgKICAgIGlkIGludGVnZXIgTk9UIE5VTEwsCiAgICBlbWFpbCB0ZXh0LAogICAgcGFzc3dvcmRfaGFzaCB0ZXh0Cik7CgAaAAAARFJPUCBUQUJMRSBwdWJsaWMucHVwaWxzOwoBAQAAAAAGAAAAcHVibGljAAAAAAAABAAAAGhlYXAAAgAAAHBnAAUAAABmYWxzZQEBAAAAAwAAAAAAAAAAANYAAAAAAAAAAAAEAAAAMTI1OQAFAAAAMTYzODUADQAAAHB1cGlsc19pZF9zZXEACAAAAFNFUVVFTkNFAAIAAAAAhQAAAENSRUFURSBTRVFVRU5DRSBwdWJsaWMucHVwaWxzX2lkX3NlcQogICAgQVMgaW50ZWdlcgogICAgU1RBUlQgV0lUSCAxCiAgICBJTkNSRU1FTlQgQlkgMQogICAgTk8gTUlOVkFMVUUKICAgIE5PIE1BWFZBTFVFCiAgICBDQUNIRSAxOwoAJAAAAERST1AgU0VRVUVOQ0UgcHVibGljLnB1cGlsc19pZF9zZXE7CgEBAAAAAAYAAABwdWJsaWMBAQAAAAEBAAAAAAIAAABwZwAFAAAAZmFsc2UAAwAAADIxNQEBAAAAAwAAAAAAAAAAABgNAAAAAAAAAAABAAAAMAABAAAAMAANAAAAcHVwaWxzX2lkX3NlcQARAAAAU0VRVUVOQ0UgT1dORUQgQlkAAgAAAAA/AAAAQUxURVIgU0VRVUVOQ0UgcHVibGljLnB1cGlsc19pZF9zZXEgT1dORUQgQlkgcHVibGljLnB1cGlscy5pZDsKAQEAAAABAQAAAAAGAAAAcHVibGljAQEAAAABAQAAAAACAAAAcGcABQAAAGZhbHNlAAMAAAAyMTQBAQAAAAMAAAAAAAAAAACBDAAAAAAAAAAABAAAADI2MDQABQAAADE2Mzg5AAkAAABwdXBpbHMgaWQABwAAAERFRkFVTFQAAgAAAABmAAAAQUxURVIgVEFCTEUgT05MWSBwdWJsaWMucHVwaWxzIEFMVEVSIENPTFVNTiBpZCBTRVQgREVGQVVMVCBuZXh0dmFsKCdwdWJsaWMucHVwaWxzX2lkX3NlcSc6OnJlZ2NsYXNzKTsKADgAAABBTFRFUiBUQUJMRSBwdWJsaWMucHVwaWxzIEFMVEVSIENPTFVNTiBpZCBEUk9QIERFRkFVTFQ7CgEBAAAAAAYAAABwdWJsaWMBAQAAAAEBAAAAAAIAAABwZwAFAAAAZmFsc2UAAwAAADIxNQADAAAAMjE0AAMAAAAyMTUBAQAAAAMAAAAAAAAAAACDDAAAAAAAAAAABAAAADI2MDYABQAAADE2MzkzABIAAABwdXBpbHMgcHVwaWxzX3BrZXkACgAAAENPTlNUUkFJTlQABAAAAABQAAAAQUxURVIgVEFCTEUgT05MWSBwdWJsaWMucHVwaWxzCiAgICBBREQgQ09OU1RSQUlOVCBwdXBpbHNfcGtleSBQUklNQVJZIEtFWSAoaWQpOwoAPAAAAEFMVEVSIFRBQkxFIE9OTFkgcHVibGljLnB1cGlscyBEUk9QIENPTlNUUkFJTlQgcHVwaWxzX3BrZXk7CgEBAAAAAAYAAABwdWJsaWMAAAAAAAEBAAAAAAIAAABwZwAFAAAAZmFsc2UAAwAAADIxNQEBAAAAAwAAAAAAAAAA', 'base64');

const PLAIN_PG_DUMP = `--
-- PostgreSQL database dump
--

-- Dumped from database version 16.2
-- Dumped by pg_dump version 16.2

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

CREATE TABLE public.accounts (
    id integer NOT NULL,
    email text,
    password text
);

CREATE TABLE public.sessions (
    key text
);

COPY public.accounts (id, email, password) FROM stdin;
1	pupil1@example.test	pbkdf2_sha256$600000$x
2	pupil2@example.test	pbkdf2_sha256$600000$y
3	pupil3@example.test	pbkdf2_sha256$600000$z
\\.

COPY public.sessions (key) FROM stdin;
\\.

--
-- PostgreSQL database dump complete
--
`;

const SCHEMA_ONLY_SQL = `--
-- PostgreSQL database dump
--

SET statement_timeout = 0;

CREATE TABLE public.accounts (
    id integer NOT NULL,
    email text
);

ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
`;

const MYSQL_DUMP = `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: shop
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;

DROP TABLE IF EXISTS \`users\`;
CREATE TABLE \`users\` (
  \`id\` int NOT NULL,
  \`email\` varchar(255) DEFAULT NULL
) ENGINE=InnoDB;

LOCK TABLES \`users\` WRITE;
INSERT INTO \`users\` VALUES (1,'a@example.test'),(2,'b@example.test'),(3,'c@example.test');
UNLOCK TABLES;
`;


// Real SQLite files (Python's sqlite3, page size 512): tables `users` (AUTOINCREMENT, an index on email) and
// `settings` (WITHOUT ROWID); empty, and with one made-up row in `users`.
const SQLITE_EMPTY = Buffer.from('U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAABAAAAAUAAAAAAAAAAAAAAAQAAAAEAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEAC5jAQ0AAAAEAJYAAZMBQQDcAJYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAARAQGFyMXAV1pbmRleHVzZXJzX2VtYWlsdXNlcnMFQ1JFQVRFIElOREVYIHVzZXJzX2VtYWlsIE9OIHVzZXJzKGVtYWlsKWMDBxcdHQGBGXRhYmxlc2V0dGluZ3NzZXR0aW5ncwRDUkVBVEUgVEFCTEUgc2V0dGluZ3MgKGtleSBURVhUIFBSSU1BUlkgS0VZLCB2YWx1ZSBURVhUKSBXSVRIT1VUIFJPV0lEUAIGFysrAVl0YWJsZXNxbGl0ZV9zZXF1ZW5jZXNxbGl0ZV9zZXF1ZW5jZQNDUkVBVEUgVEFCTEUgc3FsaXRlX3NlcXVlbmNlKG5hbWUsc2VxKWsBBxcXFwGBNXRhYmxldXNlcnN1c2VycwJDUkVBVEUgVEFCTEUgdXNlcnMgKGlkIElOVEVHRVIgUFJJTUFSWSBLRVkgQVVUT0lOQ1JFTUVOVCwgZW1haWwgVEVYVCwgcGFzc3dvcmQgVEVYVCkNAAAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0AAAAAAgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACgAAAAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKAAAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64');
const SQLITE_ONE_ROW = Buffer.from('U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAABQAAAAUAAAAAAAAAAAAAAAQAAAAEAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFAC5jAQ0AAAAEAJYAAZMBQQDcAJYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAARAQGFyMXAV1pbmRleHVzZXJzX2VtYWlsdXNlcnMFQ1JFQVRFIElOREVYIHVzZXJzX2VtYWlsIE9OIHVzZXJzKGVtYWlsKWMDBxcdHQGBGXRhYmxlc2V0dGluZ3NzZXR0aW5ncwRDUkVBVEUgVEFCTEUgc2V0dGluZ3MgKGtleSBURVhUIFBSSU1BUlkgS0VZLCB2YWx1ZSBURVhUKSBXSVRIT1VUIFJPV0lEUAIGFysrAVl0YWJsZXNxbGl0ZV9zZXF1ZW5jZXNxbGl0ZV9zZXF1ZW5jZQNDUkVBVEUgVEFCTEUgc3FsaXRlX3NlcXVlbmNlKG5hbWUsc2VxKWsBBxcXFwGBNXRhYmxldXNlcnN1c2VycwJDUkVBVEUgVEFCTEUgdXNlcnMgKGlkIElOVEVHRVIgUFJJTUFSWSBLRVkgQVVUT0lOQ1JFTUVOVCwgZW1haWwgVEVYVCwgcGFzc3dvcmQgVEVYVCkNAAAAAQHrAAHrAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABMBBAApD2FAZXhhbXBsZS50ZXN0eA0AAAABAfYAAfYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAIAQMXCXVzZXJzCgAAAAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKAAAAAQHuAAHuAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABEDKQlhQGV4YW1wbGUudGVzdA==', 'base64');

/** The start of a Redis RDB snapshot (version 11) with an aux field. */
const REDIS_RDB = Buffer.concat([Buffer.from('REDIS0011', 'latin1'), Buffer.from([0xfa, 0x09]), Buffer.from('redis-ver', 'latin1'), Buffer.from([0x05]), Buffer.from('7.2.4'), Buffer.alloc(32)]);

describe('data.committed-dump', () => {
  it('recognises a real pg_dump custom archive: database, versions, tables with data, never its rows', async () => {
    const findings = await audit({ 'proofs/2024-05/backups/db_2024-05-01.dump': PG_CUSTOM }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 proofs/2024-05/backups/db_2024-05-01.dump:1']);
    expect(findings[0]!.message).toBe(
      '`proofs/2024-05/backups/db_2024-05-01.dump` is a pg_dump custom archive (database "school"; server 15.18 (Debian 15.18-0+deb12u1); pg_dump 15.18 (Debian 15.18-0+deb12u1); 2 table(s); data entries for 2 table(s)), 3.0 KiB, committed to git. Its data is disclosed to everyone with the repository and stays in the history.',
    );
  });

  it('keeps a schema-only pg_dump archive and a schema-only SQL file at P2', async () => {
    // Rails' structure.sql: `pg_dump -s` plus the versions of the migrations that ran.
    const structure = `${SCHEMA_ONLY_SQL}\nSET search_path TO "$user", public;\n\nINSERT INTO "schema_migrations" (version) VALUES\n('20240101000000'),\n('20240201000000');\n`;
    const findings = await audit({ 'db/schema.dump': PG_CUSTOM_SCHEMA_ONLY, 'backups/schema_backup.sql': SCHEMA_ONLY_SQL, 'db/structure.sql': structure }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P2 backups/schema_backup.sql:1', 'P2 db/schema.dump:1', 'P2 db/structure.sql:1']);
    expect(findings.map((f) => f.message)).toEqual([
      '`backups/schema_backup.sql` is a PostgreSQL SQL dump (1 CREATE TABLE; no COPY/INSERT data), 218 bytes, committed to git. At most P2: it holds no rows (schema only), but dumps belong outside the repository.',
      expect.stringContaining('`db/schema.dump` is a pg_dump custom archive (database "school";'),
      expect.stringContaining('`db/structure.sql` is a PostgreSQL SQL dump (1 CREATE TABLE; no COPY/INSERT data)'),
    ]);
    expect(findings[1]!.message).toContain('2 table(s); no table data in its table of contents');
  });

  it('counts tables and rows of plain SQL dumps, gzip-compressed too, without quoting a row', async () => {
    const findings = await audit(
      { 'data/prod.sql': PLAIN_PG_DUMP, 'ops/shop.sql.gz': gzipSync(MYSQL_DUMP), 'dumps/export.sql.gz': gzipSync('INSERT INTO t VALUES (1);\n') },
      'data.committed-dump',
    );
    expect(failing(findings)).toEqual(['P0 data/prod.sql:1', 'P0 dumps/export.sql.gz:1', 'P0 ops/shop.sql.gz:1']);
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toContain('`data/prod.sql` is a PostgreSQL SQL dump (2 CREATE TABLE; rows for 1 table(s) (public.accounts), 3 row(s))');
    expect(messages).toContain('`ops/shop.sql.gz` is a gzip-compressed MySQL/MariaDB SQL dump (1 CREATE TABLE; rows for 1 table(s) (users), 3 row(s))');
    expect(messages).not.toMatch(/example\.test|pbkdf2/);
  });

  it('looks into the first member of a tar archive, gzip-compressed or not', async () => {
    const tar = (name: string, content: string): Buffer => {
      const header = Buffer.alloc(512);
      header.write(name, 0, 'latin1');
      header.write(content.length.toString(8).padStart(11, '0'), 124, 'latin1');
      header.write('ustar\u000000', 257, 'latin1');
      const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
      body.write(content, 'utf8');
      return Buffer.concat([header, body, Buffer.alloc(1024)]);
    };
    const findings = await audit({ 'ops/backup-2024-05-01.tar.gz': gzipSync(tar('backup/db.sql', PLAIN_PG_DUMP)), 'ops/site.tar': tar('index.html', '<html></html>') }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 ops/backup-2024-05-01.tar.gz:1']);
    expect(findings[0]!.message).toContain('is a gzip-compressed PostgreSQL SQL dump (in a tar archive, first member backup/db.sql; 2 CREATE TABLE; rows for 1 table(s) (public.accounts), 3 row(s))');
  });

  it('recognises SQLite, Redis RDB and mongodump archives by content, whatever the name', async () => {
    const findings = await audit(
      {
        'db.sqlite3': sqliteFile(['auth_user', 'django_session']),
        'var/cache/dump.rdb': REDIS_RDB,
        'exports/data': Buffer.concat([Buffer.from([0x6d, 0xe2, 0x99, 0x81]), Buffer.alloc(60, 1)]),
      },
      'data.committed-dump',
    );
    expect(failing(findings)).toEqual(['P0 db.sqlite3:1', 'P0 exports/data:1', 'P0 var/cache/dump.rdb:1']);
    expect(findings.map((f) => f.message.split(',')[0])).toEqual([
      '`db.sqlite3` is a SQLite database (1 page(s) of 4096 bytes; tables seen in its schema: django_session',
      '`exports/data` is a mongodump archive',
      '`var/cache/dump.rdb` is a Redis RDB snapshot (RDB version 11)',
    ]);
  });

  it('reads the table b-trees of a small SQLite file: an empty schema template is P2, one row makes it data', async () => {
    expect((await recogniseDump('app.db', SQLITE_EMPTY))?.hasData).toBe(false);
    expect((await recogniseDump('app.db', SQLITE_ONE_ROW))?.hasData).toBe(true);
    const findings = await audit({ 'db/app.db': SQLITE_EMPTY, 'data/app.db': SQLITE_ONE_ROW }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 data/app.db:1', 'P2 db/app.db:1']);
    expect(findings.find((f) => f.location?.path === 'db/app.db')!.message).toContain('every one of its 2 table(s) holds 0 rows');
  });

  it('recognises Django dumpdata with password hashes, mongodump BSON, Redis AOF and whole data directories', async () => {
    const users = JSON.stringify([
      { model: 'auth.user', pk: 1, fields: { username: 'pupil1', password: 'pbkdf2_sha256$600000$salt$hash=', email: 'p1@example.test' } },
      { model: 'auth.user', pk: 2, fields: { username: 'pupil2', password: 'argon2$argon2id$v=19$m=102400,t=2,p=8$x$y', email: 'p2@example.test' } },
      { model: 'school.grade', pk: 1, fields: { pupil: 1, value: 'A' } },
    ]);
    const bsonDoc = Buffer.from([0x16, 0, 0, 0, 0x02, 0x6e, 0x61, 0x6d, 0x65, 0, 0x06, 0, 0, 0, 0x70, 0x75, 0x70, 0x69, 0x6c, 0, 0, 0]);
    const findings = await audit(
      {
        'backups/users.json': users,
        'school/initial/categories.json': JSON.stringify([{ model: 'school.category', pk: 1, fields: { name: 'Maths' } }]),
        'dump/school/pupils.bson': Buffer.concat([bsonDoc, bsonDoc]),
        'redis/appendonly.aof': '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n',
        'pgdata/PG_VERSION': '16\n',
        'pgdata/global/pg_control': Buffer.alloc(8192, 1),
        'pgdata/base/5/1259': Buffer.alloc(8192, 2),
        'pgdata/postgresql.conf': 'listen_addresses = \'*\'\n',
      },
      'data.committed-dump',
    );
    expect(failing(findings)).toEqual(['P0 backups/users.json:1', 'P0 dump/school/pupils.bson:1', 'P0 pgdata/PG_VERSION:1', 'P0 redis/appendonly.aof:1']);
    const messages = findings.map((f) => f.message.split(', committed')[0]!.split(' in the repository')[0]);
    expect(messages).toEqual([
      '`backups/users.json` is a Django dumpdata fixture (3 record(s) of 2 model(s) (auth.user, school.grade); 2 password hash(es)), 338 bytes',
      '`dump/school/pupils.bson` is a mongodump BSON collection, 44 bytes',
      '`pgdata/` is a PostgreSQL data directory (4 file(s), 16.0 KiB)',
      '`redis/appendonly.aof` is a Redis append-only file, 56 bytes',
    ]);
  });

  it('is P2 for a schema script with a few default rows (an install script), P0 once most tables hold rows', async () => {
    const header = '-- MySQL dump 10.13  Distrib 8.0.36\n--\n';
    const tables = ['App', 'Cluster', 'Namespace', 'Item', 'Release', 'ServerConfig', 'Users', 'Authorities', 'Audit'];
    const create = tables.map((t) => `CREATE TABLE \`${t}\` (\n  \`Id\` int NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (\`Id\`)\n);\n`).join('');
    const install = `${header}${create}INSERT INTO \`ServerConfig\` VALUES (1,'eureka.service.url','http://localhost:8080/eureka/');\nINSERT INTO \`Users\` VALUES (1,'apollo','$2a$10$7r20uS.BQ9uBpf3Baj3uQOZvMVvB1RN3PYoKE94gtz2.WAOuiiwXS','apollo@acme.com',1);\n`;
    const dump = `${header}${create}${tables.map((t, i) => `INSERT INTO \`${t}\` VALUES (${i + 1},'row'),(${i + 10},'row');\n`).join('')}`;
    const findings = await audit({ 'scripts/sql/profiles/mysql-default/apolloportaldb.sql': install, 'backups/prod.sql': dump }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 backups/prod.sql:1', 'P2 scripts/sql/profiles/mysql-default/apolloportaldb.sql:1']);
    expect(findings.find((f) => f.severity === 'P2')!.message).toContain('At most P2: it is a schema script that creates 9 tables and inserts only 2 row(s) into 2 of them');
  });

  it('is P2 for an install script with dozens of default settings and reference rows but one account (Kanboard), P0 for the same script carrying a dozen accounts', async () => {
    const tables = ['settings', 'links', 'users', ...Array.from({ length: 9 }, (_, i) => `t${i}`)];
    const create = tables.map((t) => `CREATE TABLE ${t} (id int);\n`).join('');
    const tuples = (n: number, row: (i: number) => string): string => Array.from({ length: n }, (_, i) => `(${row(i)})`).join(',');
    const body = `${create}INSERT INTO \`settings\` VALUES ${tuples(25, (i) => `'key_${i}','value'`)};\nINSERT INTO \`links\` VALUES ${tuples(11, (i) => `${i},'relates to'`)};\n`;
    const install = `${body}INSERT INTO users (username, role) VALUES ('admin', 'app-admin');\n`;
    const accounts = `${body}INSERT INTO users (username, role) VALUES ${tuples(12, (i) => `'user${i}','app-user'`)};\n`;
    const findings = await audit({ 'app/Schema/Sql/mysql_dump.sql': install, 'db/backup/mysql_dump.sql': accounts }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 db/backup/mysql_dump.sql:1', 'P2 app/Schema/Sql/mysql_dump.sql:1']);
    expect(findings.find((f) => f.severity === 'P2')!.message).toContain('inserts only 37 row(s) into 3 of them (at most 50 in a table, at most 3 in a table of people)');
  });

  it('is P2 for a dump in the CI configuration folder (the database a workflow tests against)', async () => {
    const dump = PLAIN_PG_DUMP;
    const findings = await audit({ '.github/workflows/v3.sql': dump, 'backups/v3.sql': dump }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 backups/v3.sql:1', 'P2 .github/workflows/v3.sql:1']);
  });

  it('is P2 for a dump whose path names it demo or sample data, P0 for the same dump named a backup', async () => {
    const findings = await audit({ 'fineract-db/multi-tenant-demo-backups/latam-demo/bk_latam.sql': PLAIN_PG_DUMP, 'db/backups/prod-2024.sql': PLAIN_PG_DUMP }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 db/backups/prod-2024.sql:1', 'P2 fineract-db/multi-tenant-demo-backups/latam-demo/bk_latam.sql:1']);
    expect(findings.find((f) => f.severity === 'P2')!.message).toContain('At most P2: an example file (demo or sample data (a database file whose folder or name says so))');
  });

  it('keeps a SQLite full-text search index (documentation search) at P2', async () => {
    const index = sqliteFile([]);
    Buffer.from("CREATE VIRTUAL TABLE docs USING FTS5(slug, title, body)\0CREATE TABLE IF NOT EXISTS 'docs_data'(id INTEGER PRIMARY KEY, block BLOB)\0CREATE TABLE IF NOT EXISTS 'docs_idx'(segid, term, pgno)", 'latin1').copy(index, 3000);
    const findings = await audit({ 'search.db': index }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P2 search.db:1']);
    expect(findings[0]!.message).toContain('tables seen in its schema: docs, docs_data, docs_idx; only full-text search tables: a search index), 4.0 KiB, committed to git. At most P2: it only holds a full-text search index');
  });

  it('says nothing of a .db or .dump that is not a database, GeoPackage files, migrations and seeds', async () => {
    const geopackage = sqliteFile(['gpkg_contents']);
    geopackage.writeUInt32BE(0x47504b47, 68);
    const findings = await audit(
      {
        'cache.db': 'key=value\nother=thing\n'.repeat(3),
        'nginx.dump': 'not a dump at all, just text\n',
        'maps/world.gpkg': geopackage,
        'db/migrations/0001_init.sql': 'CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n',
        'db/seed.sql': 'INSERT INTO roles VALUES (1, \'admin\');\n',
        'assets/logo.bin': Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7]),
      },
      'data.committed-dump',
    );
    expect(findings.map((f) => f.status)).toEqual(['pass']);
  });

  it('keeps test fixtures and sample databases at P2, saying why', async () => {
    const findings = await audit({ 'tests/fixtures/prod_copy.dump': PG_CUSTOM, 'examples/chinook.db': sqliteFile(['Album', 'Artist']) }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P2 examples/chinook.db:1', 'P2 tests/fixtures/prod_copy.dump:1']);
    expect(findings[1]!.message).toContain('At most P2: a test file (in a test, fixture or mock directory); check that it is synthetic data');
  });

  it('reads dumps over the file-size limit, and counts zstd/bzip2 dumps by magic and name only', async () => {
    const big = Buffer.concat([PG_CUSTOM, Buffer.alloc(3 * 1024 * 1024, 7)]);
    const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(64, 2)]);
    const bzip = Buffer.concat([Buffer.from('BZh91AY&SY', 'latin1'), Buffer.alloc(64, 3)]);
    const findings = await audit({ 'backup/nightly.dump': big, 'backup/db.sql.zst': zstd, 'backup/db-2024.tar.bz2': bzip, 'assets/texture.zst': zstd }, 'data.committed-dump');
    expect(failing(findings)).toEqual(['P0 backup/db-2024.tar.bz2:1', 'P0 backup/db.sql.zst:1', 'P0 backup/nightly.dump:1']);
    expect(findings[1]!.message).toBe(
      '`backup/db.sql.zst` is a zstd-compressed dump by its name (content not inspected: no zstd decompressor here), 68 bytes, committed to git. Its data is disclosed to everyone with the repository and stays in the history.',
    );
    expect(findings[2]!.message).toContain('3.0 MiB, committed to git');
  });

  it('stops inflating a gzip bomb at the prefix it needs', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41));
    const started = Date.now();
    expect(await recogniseDump('x.sql.gz', bomb)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not let ops.backup count a committed dump as a backup procedure', async () => {
    const compose = 'services:\n  db:\n    image: postgres:16\n';
    const withDump = await audit({ 'docker-compose.yml': compose, 'backups/db_2024-05-01.dump': PG_CUSTOM }, 'ops.backup');
    expect(withDump.map((f) => f.status)).toEqual(['fail']);
    const withScript = await audit({ 'docker-compose.yml': compose, 'backups/db_2024-05-01.dump': PG_CUSTOM, 'scripts/backup.sh': 'pg_dump -Fc "$DATABASE_URL" > /backups/db.dump\n' }, 'ops.backup');
    expect(withScript.map((f) => f.status)).toEqual(['pass']);
  });
});

// The real shape: a production overlay mounting ~58 files from a host folder over /app, one a migration.
const overlayFiles = [
  'app/settings.py',
  'app/urls.py',
  ...Array.from({ length: 55 }, (_, i) => `school/views/page_${i}.py`),
  'school/migrations/0042_pupil_flags.py',
];
const APP_DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "app.wsgi"]\n';
const overlayCompose = (volumes: string[]) => `services:
  web:
    image: ghcr.io/acme/school:2024.05
    restart: unless-stopped
    volumes:
${volumes.map((v) => `      - ${v}`).join('\n')}
`;

describe('compose.code-bind-mount', () => {
  it('reports a code overlay once per service, with a count and the first entries; P0 when a migration is among them', async () => {
    const volumes = [
      'media:/app/media',
      './certs:/etc/ssl/private:ro',
      '/var/run/docker.sock:/var/run/docker.sock:ro',
      './logs:/app/logs',
      './.env.production:/app/.env:ro',
      ...overlayFiles.map((f) => `/var/www/app/overlay/${f}:/app/${f}:ro`),
    ];
    const findings = await audit(
      {
        'Dockerfile': APP_DOCKERFILE,
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    image: ghcr.io/acme/school:2024.05\n',
        'docker-compose.prod.yml': overlayCompose(volumes),
      },
      'compose.code-bind-mount',
    );
    expect(failing(findings)).toEqual(['P0 docker-compose.prod.yml:68']);
    expect(findings[0]!.message).toBe(
      "service `web` (docker-compose.prod.yml) bind-mounts 58 host path(s) outside the repository over the image's code (WORKDIR/COPY destinations of Dockerfile: /app), all read-only, 1 of them onto migrations: the schema depends on files outside the repository. Also mounted, and fine: 1 certificate, 1 socket, 1 log, 1 config file.",
    );
    expect(findings[0]!.evidence!.split('\n')).toEqual([
      'migrations: /var/www/app/overlay/school/migrations/0042_pupil_flags.py:/app/school/migrations/0042_pupil_flags.py:ro (line 68)',
      'code: /var/www/app/overlay/app/settings.py:/app/app/settings.py:ro (line 11)',
      'code: /var/www/app/overlay/app/urls.py:/app/app/urls.py:ro (line 12)',
      'code: /var/www/app/overlay/school/views/page_0.py:/app/school/views/page_0.py:ro (line 13)',
      'code: /var/www/app/overlay/school/views/page_1.py:/app/school/views/page_1.py:ro (line 14)',
      '... and 53 more',
    ]);
  });

  it('is P1 for source mounted over the WORKDIR the Dockerfile sets, in long syntax too', async () => {
    const findings = await audit(
      {
        'api/Dockerfile': 'FROM node:20\nWORKDIR /srv/site\nCOPY . .\nCMD ["node", "server.js"]\n',
        'docker-compose.prod.yml': 'services:\n  api:\n    build: ./api\n    volumes:\n      - type: bind\n        source: ./api/src\n        target: /srv/site/src\n      - uploads:/srv/site/uploads\nvolumes:\n  uploads: {}\n',
      },
      'compose.code-bind-mount',
    );
    expect(failing(findings)).toEqual(['P1 docker-compose.prod.yml:5']);
    expect(findings[0]!.message).toContain("bind-mounts 1 path(s) of the repository checkout over the image's code (WORKDIR/COPY destinations of api/Dockerfile: /srv/site): production runs files from the server");
  });

  // A folder mounted on a path named like a script (acme.sh's home, pixelfed round 12) is not a code file.
  it('passes for data, certificate, config and log mounts, named volumes, and development files', async () => {
    const findings = await audit(
      {
        'Dockerfile': APP_DOCKERFILE,
        'docker-compose.yml': overlayCompose(['media:/app/media', './data:/app/data', './certs:/etc/ssl/private:ro', './nginx.conf:/etc/nginx/nginx.conf:ro', './logs:/app/logs', 'static:/app/static', '/data/app/ssh:/app/storage/app/ssh', '/data/app/avatars:/app/media/avatars', '${CONFIG_ROOT}/proxy-acme:/etc/acme.sh']).replace('ghcr.io/acme/school:2024.05', 'getsentry/snuba:24.5.0').replace('media:/app/media', './snuba/api_healthcheck.py:/usr/src/snuba/api_healthcheck.py:ro'),
        'docker-compose.override.yml': 'services:\n  web:\n    volumes:\n      - .:/app\n',
      },
      'compose.code-bind-mount',
    );
    expect(findings.map((f) => f.status)).toEqual(['pass']);
  });
});

// The real shape: a production overlay routing Adminer to a public host name over HTTPS through Traefik labels.
const ADMINER_TRAEFIK = `services:
  logs:
    image: amir20/dozzle:v8.0.0
    restart: unless-stopped
    labels:
      - traefik.enable=true
      - traefik.http.routers.logs.rule=Host(\`logs.school.example\`)
      - traefik.http.routers.logs.entrypoints=websecure
      - traefik.http.routers.logs.tls.certresolver=le
`;

describe('compose.admin-exposed', () => {
  // A deploy step runs every compose file and manifest here: the check judges files production is shown to reach
  // at full severity (on a file whose role is unknown, one level down: held-out-classes.test.ts).
  const deployed = (files: Record<string, string>): Record<string, string> => {
    const steps = Object.keys(files).flatMap((f) => (/compose/.test(f) ? [`docker compose -f ${f} up -d`] : /^k8s\//.test(f) ? [`kubectl apply -f ${f}`] : []));
    return { ...files, 'README.md': `# School\n\n## Deploy\n\n\`\`\`sh\n${steps.join('\n')}\n\`\`\`\n` };
  };
  it('is P0 for a UI with no login of its own (Dozzle) routed by Traefik to a host name with no auth middleware; P1 for Adminer, which asks for the database login', async () => {
    const findings = await audit(deployed({ 'docker-compose.prod.yml': ADMINER_TRAEFIK }), 'compose.admin-exposed');
    expect(failing(findings)).toEqual(['P0 docker-compose.prod.yml:7']);
    expect(findings[0]!.message).toBe('service `logs` (docker-compose.prod.yml) runs Dozzle (container logs UI), routed by Traefik to `Host(`logs.school.example`)` with no auth middleware.');
    // An http router that only redirects and the https router that serves: one exposure, at the serving router.
    const pair = ADMINER_TRAEFIK.replace(
      '      - traefik.http.routers.logs.rule=',
      '      - traefik.http.routers.logs-http.rule=Host(`logs.school.example`)\n      - traefik.http.routers.logs-http.middlewares=https-redirect\n      - traefik.http.routers.logs.rule=',
    );
    expect(failing(await audit(deployed({ 'docker-compose.prod.yml': pair }), 'compose.admin-exposed'))).toEqual(['P0 docker-compose.prod.yml:9']);
    // An overlay adding the labels to the base file's service.
    const overlay = ADMINER_TRAEFIK.replace('    image: amir20/dozzle:v8.0.0\n', '');
    const base = 'services:\n  logs:\n    image: amir20/dozzle:v8.0.0\n    profiles: [tools]\n';
    expect(failing(await audit(deployed({ 'docker-compose.yml': base, 'docker-compose.prod.yml': overlay }), 'compose.admin-exposed'))).toEqual(['P0 docker-compose.prod.yml:6']);
    // Adminer routed the same way: a stranger meets the database's login form.
    const adminer = ADMINER_TRAEFIK.replace('amir20/dozzle:v8.0.0', 'adminer:4.8.1');
    const routed = await audit(deployed({ 'docker-compose.prod.yml': adminer }), 'compose.admin-exposed');
    expect(failing(routed)).toEqual(['P1 docker-compose.prod.yml:7']);
    expect(routed[0]!.message).toContain("P1: Adminer asks for the database's own credentials");
  });

  it('knows servers whose API is open by configuration: Ollama, Qdrant without an API key, Prometheus lifecycle, Grafana anonymous Admin', async () => {
    const compose = [
      'services:',
      '  ollama:',
      '    image: ollama/ollama:0.3.12',
      '    ports: ["11434:11434"]',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.11.0',
      '    ports: ["6333:6333"]',
      '  qdrant-keyed:',
      '    image: qdrant/qdrant:v1.11.0',
      '    environment: {QDRANT__SERVICE__API_KEY: "${QDRANT_KEY:?}"}',
      '    ports: ["6334:6333"]',
      '  prometheus:',
      '    image: prom/prometheus:v2.54.1',
      '    command: ["--config.file=/etc/prometheus/prometheus.yml", "--web.enable-lifecycle"]',
      '    ports: ["9090:9090"]',
      '  grafana:',
      '    image: grafana/grafana:11.2.0',
      '    environment: {GF_AUTH_ANONYMOUS_ENABLED: "true", GF_AUTH_ANONYMOUS_ORG_ROLE: Admin}',
      '    ports: ["3000:3000"]',
      '  grafana-login:',
      '    image: grafana/grafana:11.2.0',
      '    ports: ["3001:3000"]',
      '',
    ].join('\n');
    const findings = await audit(deployed({ 'docker-compose.prod.yml': compose }), 'compose.admin-exposed');
    expect(failing(findings)).toEqual(['P0 docker-compose.prod.yml:4', 'P0 docker-compose.prod.yml:7', 'P0 docker-compose.prod.yml:15', 'P0 docker-compose.prod.yml:19']);
    expect(findings.map((f) => f.message).join('\n')).toContain('no QDRANT__SERVICE__API_KEY');
  });

  it('is P1 behind an auth middleware or an IP allowlist; P0 on a public port, host networking or an insecure Traefik API', async () => {
    const compose = `services:
  adminer:
    image: adminer:4.8.1
    labels:
      traefik.http.routers.adminer.rule: Host(\`db.school.example\`)
      traefik.http.routers.adminer.middlewares: admin-auth
      traefik.http.middlewares.admin-auth.basicauth.users: ops:$$apr1$$x
  pgadmin:
    image: dpage/pgadmin4:8
    labels:
      - traefik.http.routers.pga.rule=Host(\`pga.school.example\`)
      - traefik.http.routers.pga.middlewares=office-ipallowlist@file
  flower:
    build: .
    command: celery -A school flower --port=5555
    ports:
      - "5555:5555"
  proxy:
    image: traefik:v3.0
    command: ["--api.insecure=true", "--providers.docker=true"]
    ports:
      - "80:80"
      - "443:443"
      - "8080:8080"
  mail:
    image: axllent/mailpit
    network_mode: host
`;
    const findings = await audit(deployed({ 'Dockerfile': 'FROM python:3.12\n', 'deploy/docker-compose.yml': compose }), 'compose.admin-exposed');
    expect(failing(findings)).toEqual(['P0 deploy/docker-compose.yml:17', 'P0 deploy/docker-compose.yml:24', 'P0 deploy/docker-compose.yml:27', 'P1 deploy/docker-compose.yml:5', 'P1 deploy/docker-compose.yml:11']);
    expect(findings.map((f) => f.message.replace(/^service `(\w+)`.*?runs /, '$1: '))).toEqual([
      'flower: Flower (Celery admin UI), published on host port 5555 on all interfaces (no authentication in front).',
      'proxy: the Traefik dashboard (`--api.insecure=true`), published on host port 8080 on all interfaces (no authentication in front).',
      'mail: Mailpit (captured mail UI), `network_mode: host` (every port on every host interface).',
      'adminer: Adminer (database admin UI), routed by Traefik to `Host(`db.school.example`)` behind auth middleware `admin-auth`.',
      'pgadmin: pgAdmin (database admin UI), routed by Traefik to `Host(`pga.school.example`)`, restricted by IP allowlist `office-ipallowlist@file` only.',
    ]);
  });

  it('passes for loopback ports and unrouted tools, and does not judge development files', async () => {
    const findings = await audit(
      {
        'docker-compose.yml': 'services:\n  adminer:\n    image: adminer\n    ports:\n      - "127.0.0.1:8080:8080"\n  traefik:\n    image: traefik:v3.0\n    command: ["--api.dashboard=true"]\n    ports:\n      - "443:443"\n',
        'docker-compose.dev.yml': 'services:\n  mailpit:\n    image: axllent/mailpit\n    ports:\n      - "8025:8025"\n',
      },
      'compose.admin-exposed',
    );
    expect(findings.map((f) => [f.status, f.message])).toEqual([['pass', 'Checked production services for exposed admin and debug UIs in 2 service(s) of 2 compose files (2 deployment(s)).']]);
  });

  it('reports the Traefik dashboard routed without auth, not behind it, and not the routes Traefik serves for others', async () => {
    const traefik = (middleware: string) => `services:
  traefik:
    image: traefik:v3.0
    command: ["--api.dashboard=true", "--providers.docker=true"]
    ports:
      - "443:443"
    labels:
      - traefik.http.routers.dashboard.rule=Host(\`traefik.school.example\`)
      - traefik.http.routers.dashboard.service=api@internal
${middleware}      - traefik.http.routers.whoami.rule=Host(\`whoami.school.example\`)
`;
    expect(failing(await audit(deployed({ 'docker-compose.prod.yml': traefik('') }), 'compose.admin-exposed'))).toEqual(['P0 docker-compose.prod.yml:8']);
    const guarded = await audit(deployed({ 'docker-compose.prod.yml': traefik('      - traefik.http.routers.dashboard.middlewares=admin-auth\n      - traefik.http.middlewares.admin-auth.basicauth.users=ops:$$apr1$$x\n') }), 'compose.admin-exposed');
    expect(guarded.map((f) => f.status)).toEqual(['pass']);
  });

  it('finds a Kubernetes admin UI behind a LoadBalancer or an Ingress without auth', async () => {
    const manifests = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pgadmin
spec:
  template:
    metadata:
      labels: {app: pgadmin}
    spec:
      containers:
        - name: pgadmin
          image: dpage/pgadmin4:8.6
---
apiVersion: v1
kind: Service
metadata:
  name: pgadmin
spec:
  type: LoadBalancer
  selector: {app: pgadmin}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: pgadmin
spec:
  rules:
    - host: pga.school.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: pgadmin, port: {number: 80}}
`;
    const findings = await audit(deployed({ 'k8s/pgadmin.yaml': manifests }), 'compose.admin-exposed');
    expect(failing(findings)).toEqual(['P0 k8s/pgadmin.yaml:15', 'P0 k8s/pgadmin.yaml:23']);
    const clean = await audit(deployed({ 'k8s/pgadmin.yaml': manifests.split('---')[0]! + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: pgadmin\nspec:\n  selector: {app: pgadmin}\n' }), 'compose.admin-exposed');
    expect(clean.map((f) => f.status)).toEqual(['pass']);
  });
});

// The real shape: one image whose entrypoint runs `manage.py migrate`, started as web, worker and beat.
const MIGRATING_DOCKERFILE = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY docker/entrypoint.sh /entrypoint.sh
COPY . .
ENTRYPOINT ["/entrypoint.sh"]
CMD ["gunicorn", "school.wsgi", "--bind", "0.0.0.0:8000"]
`;
const MIGRATING_ENTRYPOINT = `#!/bin/sh
set -e
# wait for the database
until pg_isready -h db; do sleep 1; done
python manage.py migrate --noinput
python manage.py collectstatic --noinput
exec "$@"
`;
const threeServices = (extra = '') => `services:
  web:
    build: .
    restart: unless-stopped
  worker:
    build: .
    command: celery -A school worker
    restart: unless-stopped
  beat:
    build: .
    command: celery -A school beat
    restart: unless-stopped
${extra}`;

// The deploy docs run docker-compose.prod.yml: the production deployment (SEVERITY.md: production by evidence).
const PROD_README = { 'README.md': '# School\n\n## Deploy\n\n```sh\ndocker compose -f docker-compose.prod.yml up -d\n```\n' };

describe('ops.migrate-on-start', () => {
  it('is P1 for an entrypoint that migrates, shared by web, worker and beat', async () => {
    const findings = await audit({ 'Dockerfile': MIGRATING_DOCKERFILE, 'docker/entrypoint.sh': MIGRATING_ENTRYPOINT, 'docker-compose.prod.yml': threeServices(), ...PROD_README }, 'ops.migrate-on-start');
    expect(failing(findings)).toEqual(['P1 docker/entrypoint.sh:5']);
    expect(findings[0]!.message).toBe(
      '3 services of docker-compose.prod.yml (`web`, `worker`, `beat`) run Django `migrate` on every start (`python manage.py migrate --noinput`, docker/entrypoint.sh). 3 containers start together and each runs it; Django `migrate` takes no lock, so they race to apply the same migrations.',
    );
  });

  it('is P2 for one container, a locking tool, or a migration behind a condition', async () => {
    const single = await audit({ 'docker-compose.prod.yml': 'services:\n  api:\n    image: acme/api:1\n    command: sh -c "alembic upgrade head && uvicorn app.main:app"\n', ...PROD_README }, 'ops.migrate-on-start');
    expect(failing(single)).toEqual(['P2 docker-compose.prod.yml:4']);
    expect(single[0]!.message).toContain('service `api` of docker-compose.prod.yml runs Alembic `upgrade` on every start');
    const prisma = await audit({ 'docker-compose.prod.yml': 'services:\n  api:\n    image: acme/api:1\n    command: sh -c "npx prisma migrate deploy && node dist/main.js"\n    deploy:\n      replicas: 3\n', ...PROD_README }, 'ops.migrate-on-start');
    expect(failing(prisma)).toEqual(['P2 docker-compose.prod.yml:4']);
    expect(prisma[0]!.message).toContain('Prisma `migrate deploy` takes a lock, so concurrent starts wait rather than race');
    const conditional = MIGRATING_ENTRYPOINT.replace('python manage.py migrate --noinput', 'if [ "$1" = "gunicorn" ]; then\n  python manage.py migrate --noinput\nfi');
    const gated = await audit({ 'Dockerfile': MIGRATING_DOCKERFILE, 'docker/entrypoint.sh': conditional, 'docker-compose.prod.yml': threeServices(), ...PROD_README }, 'ops.migrate-on-start');
    expect(failing(gated)).toEqual(['P2 docker/entrypoint.sh:6']);
  });

  it('passes with a one-off migrate service the others wait for, and does not judge development files', async () => {
    const clean = threeServices(`  migrate:
    build: .
    entrypoint: []
    command: python manage.py migrate --noinput
    restart: "no"
`).replace(/restart: unless-stopped/g, 'restart: unless-stopped\n    depends_on:\n      migrate: {condition: service_completed_successfully}');
    const findings = await audit(
      {
        'Dockerfile': MIGRATING_DOCKERFILE,
        'docker/entrypoint.sh': MIGRATING_ENTRYPOINT.replace('python manage.py migrate --noinput\n', ''),
        'docker-compose.prod.yml': clean,
        'docker-compose.dev.yml': 'services:\n  web:\n    build: .\n    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"\n',
        ...PROD_README,
      },
      'ops.migrate-on-start',
    );
    expect(findings.map((f) => [f.status, f.message])).toEqual([['pass', 'Nothing runs migrations on start in 1 production compose file(s) (3 long-running service(s) or image(s) read, with their entrypoint scripts).']]);
  });

  it('judges the services of a production -f chain merged: the overlay that sets the command is reported at its line', async () => {
    const base = 'services:\n  web:\n    image: ghcr.io/acme/app:1.4.2\n    command: gunicorn app.wsgi\n  worker:\n    image: ghcr.io/acme/app:1.4.2\n    command: celery -A app worker\n';
    const overlay = 'services:\n  web:\n    restart: always\n    command: sh -c "python manage.py migrate --noinput && gunicorn app.wsgi"\n    deploy:\n      replicas: 2\n';
    const findings = await audit(
      { 'compose.yml': base, 'compose.prod.yml': overlay, 'deploy.sh': '#!/bin/sh\ndocker compose -f compose.yml -f compose.prod.yml up -d\n' },
      'ops.migrate-on-start',
    );
    expect(failing(findings)).toEqual(['P1 compose.prod.yml:4']);
    expect(findings[0]!.message).toBe(
      'service `web` (2 replicas) of compose.yml + compose.prod.yml runs Django `migrate` on every start (`sh -c "python manage.py migrate --noinput && gunicorn app.wsgi"`, `command:` of compose.prod.yml). 2 containers start together and each runs it; Django `migrate` takes no lock, so they race to apply the same migrations.',
    );
    // The same overlay named by a development chain only: nothing runs in production with it (clean twin).
    const dev = await audit(
      { 'compose.yml': base, 'compose.dev.yml': overlay, 'dev.sh': '#!/bin/sh\ndocker compose -f compose.yml -f compose.dev.yml up\n' },
      'ops.migrate-on-start',
    );
    expect(failing(dev)).toEqual([]);
  });

  it('reads Kubernetes workloads: P1 for a lock-less migration in a multi-replica Deployment, P2 for one replica', async () => {
    const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: api
          image: acme/api:1.4.2
          command: ["sh", "-c"]
          args: ["alembic upgrade head && uvicorn app.main:app"]
`;
    const findings = await audit({ 'k8s/api.yaml': deployment(3) }, 'ops.migrate-on-start');
    expect(failing(findings)).toEqual(['P1 k8s/api.yaml:13']);
    expect(findings[0]!.message).toBe(
      'Deployment `api` (3 replicas) runs Alembic `upgrade` in container `api` on every start (`sh -c alembic upgrade head && uvicorn app.main:app`). Every pod runs it as it starts; Alembic `upgrade` takes no lock, so the pods race to apply the same migrations.',
    );
    expect(failing(await audit({ 'k8s/api.yaml': deployment(1) }, 'ops.migrate-on-start'))).toEqual(['P2 k8s/api.yaml:13']);
  });

  it('reads uWSGI hooks and the entrypoint of a Dockerfile no compose file builds (CI publishes it), at P2', async () => {
    const findings = await audit(
      {
        '.github/workflows/publish.yml': 'jobs:\n  image:\n    steps:\n      - uses: docker/build-push-action@v7\n        with:\n          file: docker/Dockerfile\n          push: true\n',
        'docker/Dockerfile': 'FROM python:3.12\nWORKDIR /srv\nCOPY . /srv\nENTRYPOINT ["./docker/entrypoint.sh"]\n',
        'docker/entrypoint.sh': '#!/bin/bash\nset -e\npython manage.py migrate\nexec gunicorn app.wsgi\n',
        'hc/Dockerfile': 'FROM python:3.12\nWORKDIR /opt/hc\nCOPY . /opt/hc/\nCMD ["uwsgi", "/opt/hc/docker/uwsgi.ini"]\n',
        'hc/docker/uwsgi.ini': '[uwsgi]\nif-env = SMTPD_PORT\nattach-daemon = ./manage.py smtpd\nendif =\n# Note: manage.py migrate will also run system checks\nhook-pre-app = exec:./manage.py migrate\n',
        'hc/docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
        // The self-hosting guide beside it runs it: the production deployment.
        'hc/README.md': '# hc\n\n## Self-hosting\n\n```sh\ndocker compose up -d\n```\n',
      },
      'ops.migrate-on-start',
    );
    expect(failing(findings)).toEqual(['P2 docker/entrypoint.sh:3', 'P2 hc/docker/uwsgi.ini:6']);
    expect(findings[1]!.message).not.toContain('under a condition');
    expect(findings.map((f) => f.message.split(' on every start')[0])).toEqual(['The image of docker/Dockerfile runs Django `migrate`', 'service `web` of hc/docker-compose.yml runs Django `migrate`']);
  });
});
