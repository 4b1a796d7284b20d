// A one-page SQLite database built by hand: the 100-byte header, then the schema table's page holding its CREATE
// statements as text (what the dump recogniser reads). Not a database SQLite could query.

/** A one-page SQLite file whose schema names `tables`, each with `columns` (a password column by default). */
export function sqliteFile(tables: string[], columns = '"id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128)'): Buffer {
  const page = Buffer.alloc(4096);
  Buffer.from('SQLite format 3\0', 'latin1').copy(page, 0);
  page.writeUInt16BE(4096, 16);
  page[18] = 1;
  page[19] = 1;
  page.writeUInt32BE(1, 28);
  let at = 4096;
  for (const name of tables) {
    const sql = Buffer.from(`CREATE TABLE "${name}" (${columns})`);
    at -= sql.length + 8;
    sql.copy(page, at);
  }
  return page;
}
