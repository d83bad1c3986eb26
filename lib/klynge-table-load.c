/* klynge-table-load.c: a landscape from tables (issue 18)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tables are read (klynge-csv-reader.c) and checked for what only
 * tables can get wrong: headers, the CSV form of dates and amounts, rows
 * whose record is not there, list columns that disagree with their
 * child tables. Then they are written out as one landscape document,
 * each element on a line of its own, and that document goes through
 * the XML reader, collecting every problem: so every rule about records,
 * values and references is the one the XML loader applies, in one place.
 * A problem it finds is mapped back from its line to the row and, where
 * it can be told, the column it came from.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "klynge-csv-reader-private.h"
#include "klynge-tables-private.h"
#include "klynge-xml-reader-private.h"

/* A row: one allocation, its cells in the loader's string chunk. */
typedef struct {
  guint line;
  gboolean bad;          /* a problem was found here: the XML reader's findings are dropped */
  gboolean skip;         /* not written into the document at all */
  char *cells[];         /* by the table's column index; "" when empty or not in the file */
} Row;

typedef struct {
  const KlyngeTable *table;
  char *file;            /* "organisation.csv" */
  gboolean present;
  gboolean kroner;       /* the money column is `amount`, in kroner */
  int *field_of;         /* the table's column index → the field's index in the file, or -1 */
  char **attributes;     /* by column index: the attribute it becomes in the document, or NULL */
  GPtrArray *rows;       /* Row * */
} Table;

/* What a line of the document came from. */
typedef struct {
  Table *table;
  guint row;
  int column;            /* -1: the row as a whole */
} LineOrigin;

typedef struct {
  KlyngeLoadOptions options;
  guint n_tables;
  Table *tables;         /* in the order of _klynge_tables() */
  GPtrArray *problems;
  GHashTable *records;   /* id → Locator *, the first row with that id */
  GString *xml;
  GArray *origins;       /* LineOrigin, by document line - 1 */
  GHashTable *children;  /* "table\x1fparent id" → GArray of guint row indexes */
  GStringChunk *strings; /* the cells */
} Loader;

typedef struct {
  Table *table;
  guint row;
} Locator;

static void
add_problem (Loader     *loader,
             Table      *table,
             guint       line,
             int         column,
             int         code,
             const char *format,
             ...) G_GNUC_PRINTF (6, 7);

static void
add_problem (Loader     *loader,
             Table      *table,
             guint       line,
             int         column,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (loader->problems,
                   klynge_problem_new (code, table->file, line, column >= 0 ? (guint) column : 0,
                                       NULL, message));
}

static Table *
table_named (Loader     *loader,
             const char *name)
{
  for (guint i = 0; i < loader->n_tables; i++)
    if (strcmp (loader->tables[i].table->name, name) == 0)
      return &loader->tables[i];
  /* only ever asked for the names of klynge-tables.c */
  g_assert_not_reached ();
}

/* --- reading ------------------------------------------------------------- */

/* The file's 1-based column number of the table's column @column. */
static int
cell_column (Loader *loader,
             Table  *table,
             int     column)
{
  if (column < 0 || table->field_of[column] < 0)
    return 1;
  return table->field_of[column] + 1;
}

static gboolean
read_header (Loader                *loader,
             Table                 *table,
             const KlyngeCsvRow    *row)
{
  const KlyngeTable *spec = table->table;
  gboolean ok = TRUE;

  for (guint f = 0; f < row->n_fields; f++)
    {
      const char *name = row->fields[f];
      int c;

      if (*name == '\0')
        {
          add_problem (loader, table, row->line, f + 1, KLYNGE_ERROR_TABLE_HEADER,
                       "the header names no column here");
          ok = FALSE;
          continue;
        }
      c = _klynge_table_column_index (spec, name);
      /* `amount` in kroner, as the XML writes it, instead of `amount_ore` */
      if (c < 0 && strcmp (name, "amount") == 0)
        {
          c = _klynge_table_column_index (spec, "amount_ore");
          if (c >= 0)
            table->kroner = TRUE;
        }
      if (c < 0)
        {
          add_problem (loader, table, row->line, f + 1, KLYNGE_ERROR_UNKNOWN_COLUMN,
                       "the table %s has no column “%s”", spec->name, name);
          ok = FALSE;
          continue;
        }
      if (table->field_of[c] >= 0)
        {
          add_problem (loader, table, row->line, f + 1, KLYNGE_ERROR_TABLE_HEADER,
                       spec->columns[c].type == KLYNGE_COLUMN_ORE
                       ? "the header has both “amount” and “amount_ore”: give one"
                       : "the header names the column “%s” twice", name);
          ok = FALSE;
          continue;
        }
      table->field_of[c] = (int) f;
    }
  for (guint c = 0; c < spec->n_columns; c++)
    if (spec->columns[c].required && spec->columns[c].type != KLYNGE_COLUMN_PRECISION
        && table->field_of[c] < 0)
      {
        add_problem (loader, table, row->line, 1, KLYNGE_ERROR_TABLE_HEADER,
                     "the header lacks the column “%s”, which the table %s needs",
                     spec->columns[c].name, spec->name);
        ok = FALSE;
      }
  return ok;
}

static void
read_table (Loader     *loader,
            Table      *table,
            const char *data,
            gsize       length)
{
  g_autoptr(KlyngeCsvReader) reader = NULL;
  const KlyngeCsvRow *row;
  KlyngeProblem *problem = NULL;
  KlyngeCsvResult result;
  gboolean header_ok;

  /* an unknown column is an error anyway: a header far wider than the
   * table is refused before its names are looked at */
  reader = _klynge_csv_reader_new (table->file, data, length, loader->options.max_value_length,
                                   MAX (4 * table->table->n_columns, 16));
  result = _klynge_csv_reader_next (reader, &row, &problem);
  if (result == KLYNGE_CSV_END)
    {
      add_problem (loader, table, 1, 1, KLYNGE_ERROR_TABLE_HEADER, "the table has no header");
      return;
    }
  if (result != KLYNGE_CSV_ROW)
    {
      g_ptr_array_add (loader->problems, problem);
      return;
    }
  header_ok = read_header (loader, table, row);
  _klynge_csv_reader_set_n_fields (reader, row->n_fields);
  while ((result = _klynge_csv_reader_next (reader, &row, &problem)) != KLYNGE_CSV_END)
    {
      Row *r;

      if (result != KLYNGE_CSV_ROW)
        {
          g_ptr_array_add (loader->problems, problem);
          problem = NULL;
          if (result == KLYNGE_CSV_FAILED)
            break;
          continue;
        }
      if (!header_ok)
        continue;
      r = g_malloc0 (sizeof (Row) + table->table->n_columns * sizeof (char *));
      r->line = row->line;
      /* "" is never written to: only a date is cut short, in place */
      for (guint c = 0; c < table->table->n_columns; c++)
        r->cells[c] = table->field_of[c] >= 0 && *row->fields[table->field_of[c]] != '\0'
          ? g_string_chunk_insert (loader->strings, row->fields[table->field_of[c]]) : (char *) "";
      g_ptr_array_add (table->rows, r);
    }
}

/* --- checks of cells ----------------------------------------------------- */

/* A cell found bad here is replaced by a value that passes, so that the
 * document still holds the row's record for the rows that name it; the
 * row is marked bad, and what the XML reader says of it is dropped, as
 * it was said here already. */
static const char *
placeholder (const KlyngeColumn *column)
{
  switch (column->type)
    {
    case KLYNGE_COLUMN_DATE:
      return "2000";
    case KLYNGE_COLUMN_ORE:
      return "0";
    case KLYNGE_COLUMN_PERCENT:
      return "100";
    case KLYNGE_COLUMN_ENUM:
      return _klynge_column_values (column)[0];
    case KLYNGE_COLUMN_ID:
    case KLYNGE_COLUMN_REF:
      return "placeholder";
    default:
      return "x";
    }
}

static void
mark_bad (Loader     *loader,
          Table      *table,
          Row        *row,
          guint       c)
{
  row->bad = TRUE;
  row->cells[c] = g_string_chunk_insert (loader->strings, placeholder (&table->table->columns[c]));
}

/* A DATE cell and its precision: the text the XML takes (a partial date
 * where the precision says so), or a problem. */
static void
check_date (Loader *loader,
            Table  *table,
            Row    *row,
            guint   c)
{
  const KlyngeTable *spec = table->table;
  char *value = row->cells[c];
  const char *precision = c + 1 < spec->n_columns ? row->cells[c + 1] : "";
  KlyngeDate date;
  GError *error = NULL;
  gsize keep;

  if (*value == '\0')
    {
      if (*precision != '\0')
        {
          add_problem (loader, table, row->line, cell_column (loader, table, c + 1), KLYNGE_ERROR_BAD_DATE,
                       "%s has a precision but no date", spec->columns[c].name);
          row->bad = TRUE;
        }
      return;
    }
  if (!klynge_date_parse (value, &date, &error))
    {
      add_problem (loader, table, row->line, cell_column (loader, table, c), error->code, "%s", error->message);
      g_error_free (error);
      mark_bad (loader, table, row, c);
      return;
    }
  if (*precision == '\0')
    return;
  if (strcmp (precision, "day") == 0)
    keep = 10;
  else if (strcmp (precision, "month") == 0)
    keep = 7;
  else if (strcmp (precision, "year") == 0)
    keep = 4;
  else
    {
      add_problem (loader, table, row->line, cell_column (loader, table, c + 1), KLYNGE_ERROR_BAD_DATE,
                   "“%s” is not a precision: year, month or day", precision);
      mark_bad (loader, table, row, c);
      return;
    }
  /* with a precision the date is written in full, its unknown parts 01 */
  if (strlen (value) != 10 || (keep < 10 && strcmp (value + 8, "01") != 0)
      || (keep < 7 && strncmp (value + 5, "01", 2) != 0))
    {
      add_problem (loader, table, row->line, cell_column (loader, table, c), KLYNGE_ERROR_BAD_DATE,
                   "“%s” is not the first day of a %s: with a precision, a date is written in full "
                   "with its unknown parts 01", value, precision);
      mark_bad (loader, table, row, c);
      return;
    }
  value[keep] = '\0';
}

/* @ore as the XML writes kroner, with @decimals (0 to 2) decimals. */
static char *
kroner_text (Loader  *loader,
             guint64  ore,
             guint    decimals)
{
  char buf[32];

  if (decimals == 0)
    g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, ore / 100);
  else if (decimals == 1)
    g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT ".%u", ore / 100, (guint) (ore % 100) / 10);
  else
    g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT ".%02u", ore / 100, (guint) (ore % 100));
  return g_string_chunk_insert (loader->strings, buf);
}

/* Whole øre, and the decimals in the column after it, to the kroner the
 * XML writes. */
static void
check_ore (Loader *loader,
           Table  *table,
           Row    *row,
           guint   c)
{
  const KlyngeTable *spec = table->table;
  const char *value = row->cells[c];
  const char *decimals_text = "";
  gboolean digits = *value != '\0' && strlen (value) <= 20;
  guint decimals = 2;
  guint64 ore = 0;

  g_assert (c + 1 < spec->n_columns && spec->columns[c + 1].type == KLYNGE_COLUMN_DECIMALS);
  decimals_text = row->cells[c + 1];
  if (*decimals_text != '\0' && (table->kroner || *value == '\0'))
    {
      /* an amount in kroner shows its decimals itself */
      add_problem (loader, table, row->line, cell_column (loader, table, c + 1), KLYNGE_ERROR_BAD_MONEY,
                   table->kroner ? "amount_decimals goes with amount_ore; “amount” in kroner shows its decimals"
                                 : "amount_decimals without an amount");
      row->bad = TRUE;
      return;
    }
  if (*value == '\0' || table->kroner)
    return;
  for (const char *p = value; digits && *p; p++)
    digits = g_ascii_isdigit (*p);
  if (digits)
    {
      errno = 0;
      ore = g_ascii_strtoull (value, NULL, 10);
    }
  if (!digits || errno == ERANGE || ore > G_MAXINT64)
    {
      add_problem (loader, table, row->line, cell_column (loader, table, c), KLYNGE_ERROR_BAD_MONEY,
                   digits ? "“%s” øre is more than an amount can be"
                          : "“%s” is not an amount in øre: a whole number such as 800000000", value);
      mark_bad (loader, table, row, c);
      return;
    }
  if (*decimals_text != '\0')
    {
      if (decimals_text[1] != '\0' || decimals_text[0] < '0' || decimals_text[0] > '2')
        {
          add_problem (loader, table, row->line, cell_column (loader, table, c + 1), KLYNGE_ERROR_BAD_MONEY,
                       "“%s” is not a number of decimals: 0, 1 or 2", decimals_text);
          row->bad = TRUE;
          return;
        }
      decimals = (guint) (decimals_text[0] - '0');
      if ((decimals == 0 && ore % 100 != 0) || (decimals == 1 && ore % 10 != 0))
        {
          add_problem (loader, table, row->line, cell_column (loader, table, c + 1), KLYNGE_ERROR_BAD_MONEY,
                       "%s øre cannot be written in kroner with %u decimal%s", value, decimals,
                       decimals == 1 ? "" : "s");
          row->bad = TRUE;
          return;
        }
    }
  row->cells[c] = kroner_text (loader, ore, decimals);
}

/* Whether a column is written as a text element of the row's element
 * (the XML's <name>, <note>, ...) rather than as an attribute. */
static gboolean
is_text_element (const KlyngeColumn *column)
{
  static const char * const text_columns[] = {
    "name", "name_en", "website", "parent", "title", "note", "focus_area", NULL
  };

  return column->type == KLYNGE_COLUMN_TEXT && g_strv_contains (text_columns, column->name);
}

static void
check_cells (Loader *loader,
             Table  *table,
             Row    *row)
{
  const KlyngeTable *spec = table->table;

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const KlyngeColumn *column = &spec->columns[c];
      GError *error = NULL;

      if (column->required && column->type != KLYNGE_COLUMN_PRECISION && *row->cells[c] == '\0')
        {
          /* the XML's code for the same fault: a <name> or <title> left
           * out is a missing element, a holder a missing attribute */
          add_problem (loader, table, row->line, cell_column (loader, table, c),
                       is_text_element (column) ? KLYNGE_ERROR_MISSING_ELEMENT : KLYNGE_ERROR_MISSING_ATTRIBUTE,
                       "the column “%s” needs a value", column->name);
          mark_bad (loader, table, row, c);
          continue;
        }
      /* what XML cannot carry is refused here, where the column is known */
      if (!_klynge_check_text (row->cells[c], column->name, TRUE, &error))
        {
          add_problem (loader, table, row->line, cell_column (loader, table, c), error->code, "%s", error->message);
          g_error_free (error);
          mark_bad (loader, table, row, c);
          continue;
        }
      if (column->type == KLYNGE_COLUMN_SHARE_ORE && *row->cells[c] != '\0'
          && (strlen (row->cells[c]) > 20 || strspn (row->cells[c], "0123456789") != strlen (row->cells[c])))
        {
          add_problem (loader, table, row->line, cell_column (loader, table, c), KLYNGE_ERROR_BAD_MONEY,
                       "“%s” is not an amount in øre: a whole number such as 800000000", row->cells[c]);
          row->bad = TRUE;
        }
      if (column->type == KLYNGE_COLUMN_DATE)
        check_date (loader, table, row, c);
      else if (column->type == KLYNGE_COLUMN_ORE)
        check_ore (loader, table, row, c);
      else if (column->type == KLYNGE_COLUMN_ENUM && column->absent != NULL
               && strcmp (row->cells[c], column->absent) == 0)
        {
          /* the word for "not stated" is written as an empty field */
          add_problem (loader, table, row->line, cell_column (loader, table, c), KLYNGE_ERROR_BAD_ENUM,
                       "“%s” is not a valid %s: leave the field empty", column->absent, column->name);
          mark_bad (loader, table, row, c);
        }
    }
}

/* Splits a LIST cell; NULL (and a problem) for a stray escape. */
static char **
split_list (Loader *loader,
            Table  *table,
            Row    *row,
            guint   c)
{
  const char *value = row->cells[c];
  char **items;

  if (*value == '\0')
    return g_new0 (char *, 1);
  items = _klynge_table_list_split (value);
  if (items == NULL)
    {
      add_problem (loader, table, row->line, cell_column (loader, table, c), KLYNGE_ERROR_BAD_VALUE,
                   "“%s”: in a list, “\\” escapes only “|” and “\\”", value);
      row->bad = TRUE;
    }
  return items;
}

/* --- records and their children ------------------------------------------ */

/* The id of a row of a record table (whose first column is the id). */
static const char *
row_id (Table *table,
        Row   *row)
{
  g_assert (table->table->columns[0].type == KLYNGE_COLUMN_ID);
  return row->cells[0];
}

/* The child tables: the table, its column naming the parent, and the
 * list column of the parent that repeats a value of each child row. */
typedef struct {
  const char *table;
  const char *parent_column;
  const char *parent_tables[3];  /* which tables the parent may be in */
  const char *list_column;       /* in the parent, or NULL */
  const char *value_column;      /* in the child, what the list repeats */
} ChildTable;

static const char * const record_tables[] = {
  "funding-source", "member", "organisation", "contract", "programme", "merger", "initiative", NULL
};

static const ChildTable child_tables[] = {
  { "membership", "organisation", { "organisation" }, NULL, NULL },
  { "location", "organisation", { "organisation" }, "cities", "city" },
  { "focus-area", "organisation", { "organisation" }, "focus_areas", "focus_area" },
  { "label", "organisation", { "organisation" }, NULL, NULL },
  { "share", "contract", { "contract" }, NULL, NULL },
  { "envelope", "programme", { "programme" }, NULL, NULL },
  { "designation", "programme", { "programme" }, NULL, NULL },
  { "predecessor", "merger", { "merger" }, "predecessors", "ref" },
  { "participant", "initiative", { "initiative" }, "participants", "ref" },
  { "identifier", "record", { "organisation", "funding-source" }, NULL, NULL },
  { "source", "record", { NULL }, "sources", "href" },
};

static GArray *
children_of (Loader     *loader,
             const char *table,
             const char *id)
{
  g_autofree char *key = g_strconcat (table, "\x1f", id, NULL);

  return g_hash_table_lookup (loader->children, key);
}

static gboolean
table_in (const char         *name,
          const char * const *names)
{
  if (names[0] == NULL)
    return g_strv_contains (record_tables, name);
  for (guint i = 0; i < 3 && names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
index_records (Loader *loader)
{
  for (guint t = 0; record_tables[t] != NULL; t++)
    {
      Table *table = table_named (loader, record_tables[t]);

      for (guint r = 0; table->present && r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);
          const char *id = row_id (table, row);
          Locator *locator;

          if (*id == '\0' || g_hash_table_contains (loader->records, id))
            continue;
          locator = g_new (Locator, 1);
          locator->table = table;
          locator->row = r;
          g_hash_table_insert (loader->records, g_strdup (id), locator);
        }
    }
}

static void
index_children (Loader *loader)
{
  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    {
      const ChildTable *child = &child_tables[i];
      Table *table = table_named (loader, child->table);
      int c = _klynge_table_column_index (table->table, child->parent_column);

      for (guint r = 0; table->present && r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);
          const char *parent = row->cells[c];
          Locator *locator;
          GArray *rows;
          char *key;

          if (*parent == '\0')
            {
              row->skip = TRUE;
              continue;
            }
          locator = g_hash_table_lookup (loader->records, parent);
          if (locator == NULL || !table_in (locator->table->table->name, child->parent_tables))
            {
              add_problem (loader, table, row->line, cell_column (loader, table, c),
                           locator == NULL ? KLYNGE_ERROR_UNRESOLVED_REFERENCE : KLYNGE_ERROR_WRONG_REFERENCE_KIND,
                           locator == NULL ? KLYNGE_XML_UNRESOLVED_FORMAT : KLYNGE_XML_WRONG_KIND_FORMAT,
                           child->parent_column, parent);
              row->skip = TRUE;
              continue;
            }
          key = g_strconcat (child->table, "\x1f", parent, NULL);
          rows = g_hash_table_lookup (loader->children, key);
          if (rows == NULL)
            {
              rows = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (loader->children, key, rows);
            }
          else
            g_free (key);
          g_array_append_val (rows, r);
          /* a child the checks refused throws its parent's sums and counts */
          if (row->bad)
            ((Row *) g_ptr_array_index (locator->table->rows, locator->row))->bad = TRUE;
        }
    }
}

/* --- the document -------------------------------------------------------- */

static void
new_line (Loader *loader,
          Table  *table,
          guint   row,
          int     column)
{
  LineOrigin origin = { table, row, column };

  g_string_append_c (loader->xml, '\n');
  g_array_append_val (loader->origins, origin);
}

/* Tab, newline and carriage return as references, so that every element
 * stays on its line and attribute values keep them. */
static void
put_escaped (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\t': g_string_append (out, "&#9;"); break;
      case '\n': g_string_append (out, "&#10;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static void
put_attribute (GString    *out,
               const char *name,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, " %s=\"", name);
  put_escaped (out, value);
  g_string_append_c (out, '"');
}

/* The attribute a column becomes: its name with '-' for '_'. */
static char *
attribute_name (const KlyngeColumn *column)
{
  if (column->type == KLYNGE_COLUMN_ORE)
    return g_strdup ("amount");
  return g_strdelimit (g_strdup (column->name), "_", '-');
}

/* Whether a column is written as an attribute of the row's element. */
static gboolean
is_attribute (const char         *table,
              const KlyngeColumn *column,
              const char         *parent_column)
{
  if (column->type == KLYNGE_COLUMN_PRECISION || column->type == KLYNGE_COLUMN_DECIMALS
      || column->type == KLYNGE_COLUMN_SHARE_ORE || column->type == KLYNGE_COLUMN_LIST)
    return FALSE;
  if (parent_column != NULL && strcmp (column->name, parent_column) == 0)
    return FALSE;
  if (strcmp (table, "participant") == 0 && strcmp (column->name, "kind") == 0)
    return FALSE;
  return !is_text_element (column);
}

static const char *
parent_column_of (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    if (strcmp (child_tables[i].table, table) == 0)
      return child_tables[i].parent_column;
  return NULL;
}

static void
put_start (Loader     *loader,
           Table      *table,
           guint       r,
           const char *element,
           gboolean    empty)
{
  Row *row = g_ptr_array_index (table->rows, r);

  g_string_append_c (loader->xml, '<');
  g_string_append (loader->xml, element);
  for (guint c = 0; c < table->table->n_columns; c++)
    if (table->attributes[c] != NULL)
      put_attribute (loader->xml, table->attributes[c], row->cells[c]);
  g_string_append (loader->xml, empty ? "/>" : ">");
  new_line (loader, table, r, -1);
}

static void
put_text (Loader     *loader,
          Table      *table,
          guint       r,
          const char *column_name,
          const char *element)
{
  Row *row = g_ptr_array_index (table->rows, r);
  int c = _klynge_table_column_index (table->table, column_name);

  if (c < 0 || *row->cells[c] == '\0')
    return;
  g_string_append_printf (loader->xml, "<%s>", element);
  put_escaped (loader->xml, row->cells[c]);
  g_string_append_printf (loader->xml, "</%s>", element);
  new_line (loader, table, r, c);
}

/* The children of the record in row @r of @table, from @child_name's
 * table, or else from the record's list column. */
static void
put_children (Loader     *loader,
              Table      *table,
              guint       r,
              const char *child_name,
              const char *element)
{
  Table *child = table_named (loader, child_name);
  Row *row = g_ptr_array_index (table->rows, r);
  const ChildTable *spec = NULL;
  const char *id = row_id (table, row);
  int list_column = -1;
  g_auto(GStrv) items = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    if (strcmp (child_tables[i].table, child_name) == 0)
      spec = &child_tables[i];
  if (spec->list_column != NULL)
    list_column = _klynge_table_column_index (table->table, spec->list_column);
  if (list_column >= 0 && *row->cells[list_column] != '\0')
    items = split_list (loader, table, row, (guint) list_column);

  if (child->present)
    {
      GArray *rows = children_of (loader, child_name, id);
      int value_column = spec->value_column ? _klynge_table_column_index (child->table, spec->value_column) : -1;
      gboolean agree = TRUE;

      if (items != NULL)
        {
          agree = g_strv_length (items) == (rows ? rows->len : 0);
          for (guint i = 0; agree && rows != NULL && i < rows->len; i++)
            {
              Row *c = g_ptr_array_index (child->rows, g_array_index (rows, guint, i));
              agree = strcmp (items[i], c->cells[value_column]) == 0;
            }
          if (!agree)
            {
              add_problem (loader, table, row->line, cell_column (loader, table, list_column),
                           KLYNGE_ERROR_INCONSISTENT,
                           "%s says “%s”, but the table %s has other values for “%s”",
                           spec->list_column, row->cells[list_column], child_name, id);
              row->bad = TRUE;
            }
        }
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          guint cr = g_array_index (rows, guint, i);
          Row *c = g_ptr_array_index (child->rows, cr);

          if (c->skip)
            continue;
          if (strcmp (child_name, "focus-area") == 0)
            {
              int s = _klynge_table_column_index (child->table, "scheme");

              g_string_append (loader->xml, "<focus-area");
              put_attribute (loader->xml, "scheme", c->cells[s]);
              g_string_append_c (loader->xml, '>');
              put_escaped (loader->xml, c->cells[value_column]);
              g_string_append (loader->xml, "</focus-area>");
              new_line (loader, child, cr, -1);
            }
          else
            put_start (loader, child, cr, element, TRUE);
        }
      return;
    }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      const char *attribute = strcmp (child_name, "location") == 0 ? "city"
                              : strcmp (child_name, "source") == 0 ? "href" : "ref";

      if (strcmp (child_name, "focus-area") == 0)
        {
          g_string_append (loader->xml, "<focus-area>");
          put_escaped (loader->xml, items[i]);
          g_string_append (loader->xml, "</focus-area>");
        }
      else
        {
          g_string_append_printf (loader->xml, "<%s", element);
          put_attribute (loader->xml, attribute, items[i]);
          g_string_append (loader->xml, "/>");
        }
      new_line (loader, table, r, list_column);
    }
}

static void
put_provenance (Loader *loader,
                Table  *table,
                guint   r)
{
  put_children (loader, table, r, "source", "source");
  put_text (loader, table, r, "note", "note");
}

static void
put_record (Loader *loader,
            Table  *table,
            guint   r)
{
  const char *name = table->table->name;
  Row *row = g_ptr_array_index (table->rows, r);
  g_autofree char *end = g_strdup_printf ("</%s>", name);

  if (row->skip)
    return;
  put_start (loader, table, r, name, FALSE);
  if (strcmp (name, "funding-source") == 0)
    {
      put_text (loader, table, r, "name", "name");
      put_text (loader, table, r, "parent", "parent");
      put_children (loader, table, r, "identifier", "identifier");
    }
  else if (strcmp (name, "member") == 0)
    put_text (loader, table, r, "name", "name");
  else if (strcmp (name, "organisation") == 0)
    {
      put_text (loader, table, r, "name", "name");
      put_text (loader, table, r, "name_en", "name-en");
      put_text (loader, table, r, "website", "website");
      put_children (loader, table, r, "identifier", "identifier");
      put_children (loader, table, r, "location", "location");
      put_children (loader, table, r, "focus-area", "focus-area");
      put_children (loader, table, r, "label", "label");
      put_children (loader, table, r, "membership", "membership");
    }
  else if (strcmp (name, "contract") == 0)
    put_children (loader, table, r, "share", "share");
  else if (strcmp (name, "programme") == 0)
    {
      put_text (loader, table, r, "name", "name");
      put_children (loader, table, r, "envelope", "envelope");
      put_children (loader, table, r, "designation", "designation");
    }
  else if (strcmp (name, "merger") == 0)
    put_children (loader, table, r, "predecessor", "predecessor");
  else if (strcmp (name, "initiative") == 0)
    {
      put_text (loader, table, r, "title", "title");
      put_children (loader, table, r, "participant", "participant");
    }
  put_provenance (loader, table, r);
  g_string_append (loader->xml, end);
  new_line (loader, table, r, -1);
}

/* Rows that the document cannot hold: a record with no id, a contract
 * without shares, a merger without predecessors (both required in XML). */
static void
check_records (Loader *loader)
{
  static const struct { const char *table, *child, *list; } needs[] = {
    { "contract", "share", NULL },
    { "merger", "predecessor", "predecessors" },
  };

  for (guint t = 0; record_tables[t] != NULL; t++)
    {
      Table *table = table_named (loader, record_tables[t]);

      for (guint r = 0; table->present && r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);

          if (*row_id (table, row) == '\0')
            row->skip = TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      Table *table = table_named (loader, needs[i].table);
      Table *child = table_named (loader, needs[i].child);
      int list = needs[i].list ? _klynge_table_column_index (table->table, needs[i].list) : -1;

      for (guint r = 0; table->present && r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);
          gboolean has;

          if (row->skip)
            continue;
          if (child->present)
            has = children_of (loader, needs[i].child, row_id (table, row)) != NULL;
          else
            has = list >= 0 && *row->cells[list] != '\0';
          if (!has)
            {
              add_problem (loader, table, row->line, cell_column (loader, table, 0),
                           KLYNGE_ERROR_MISSING_ELEMENT, "the %s “%s” has no %s%s%s",
                           needs[i].table, row_id (table, row), needs[i].child,
                           child->present ? " in " : "", child->present ? child->file : "");
              row->skip = TRUE;
            }
        }
    }
}

/* participant.kind, when given, must say what `ref` names. */
static void
check_participant_kinds (Loader *loader)
{
  Table *table = table_named (loader, "participant");
  int ref = _klynge_table_column_index (table->table, "ref");
  int kind = _klynge_table_column_index (table->table, "kind");

  for (guint r = 0; table->present && r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      Locator *locator;

      if (*row->cells[kind] == '\0')
        continue;
      if (!g_strv_contains (_klynge_column_values (&table->table->columns[kind]), row->cells[kind]))
        {
          add_problem (loader, table, row->line, cell_column (loader, table, kind), KLYNGE_ERROR_BAD_ENUM,
                       "“%s” is not a valid kind", row->cells[kind]);
          row->bad = TRUE;
          continue;
        }
      locator = g_hash_table_lookup (loader->records, row->cells[ref]);
      if (locator != NULL && strcmp (locator->table->table->name, row->cells[kind]) != 0
          && (strcmp (locator->table->table->name, "organisation") == 0
              || strcmp (locator->table->table->name, "member") == 0))
        {
          add_problem (loader, table, row->line, cell_column (loader, table, kind), KLYNGE_ERROR_INCONSISTENT,
                       "“%s” is a%s %s, not a%s %s", row->cells[ref],
                       locator->table->table->name[0] == 'o' ? "n" : "", locator->table->table->name,
                       row->cells[kind][0] == 'o' ? "n" : "", row->cells[kind]);
          row->bad = TRUE;
        }
    }
}

static void
build_document (Loader *loader)
{
  static const struct { const char *section, *table; } sections[] = {
    { "funding-sources", "funding-source" }, { "members", "member" },
    { "organisations", "organisation" }, { "contracts", "contract" },
    { "programmes", "programme" }, { "mergers", "merger" }, { "initiatives", "initiative" },
  };

  g_string_append (loader->xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  new_line (loader, NULL, 0, -1);
  g_string_append (loader->xml, "<landscape xmlns=\"" KLYNGE_XML_NAMESPACE "\" version=\"2\">");
  new_line (loader, NULL, 0, -1);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      Table *table = table_named (loader, sections[s].table);

      if (!table->present)
        continue;
      g_string_append_printf (loader->xml, "<%s>", sections[s].section);
      new_line (loader, NULL, 0, -1);
      for (guint r = 0; r < table->rows->len; r++)
        put_record (loader, table, r);
      g_string_append_printf (loader->xml, "</%s>", sections[s].section);
      new_line (loader, NULL, 0, -1);
    }
  g_string_append (loader->xml, "</landscape>");
  new_line (loader, NULL, 0, -1);
}

static int
column_holding (Table      *table,
                Row        *row,
                const char *value,
                gsize       length)
{
  for (guint c = 0; c < table->table->n_columns; c++)
    if (strlen (row->cells[c]) == length && strncmp (row->cells[c], value, length) == 0)
      return (int) c;
  return -1;
}

/* The first column whose value the message gives between @open and
 * @close; a period "a..b" stands for its start. The row's own id only
 * when no other: "contract “k”: renews “k0” names no record" is about
 * renews. */
static int
column_quoted (Table      *table,
               Row        *row,
               const char *message,
               const char *open,
               const char *close)
{
  int found = -1;

  for (const char *p = strstr (message, open); p != NULL; p = strstr (p, open))
    {
      const char *end, *dots;
      int c;

      p += strlen (open);
      end = strstr (p, close);
      if (end == NULL)
        break;
      c = column_holding (table, row, p, (gsize) (end - p));
      dots = g_strstr_len (p, end - p, "..");
      if (c < 0 && dots != NULL)
        c = column_holding (table, row, p, (gsize) (dots - p));
      if (c >= 0 && table->table->columns[c].type != KLYNGE_COLUMN_ID)
        return c;
      if (found < 0)
        found = c;
      p = end;
    }
  return found;
}

/* The column of the row that a problem of the XML reader is about: the
 * one whose value it gives in parentheses (a date it compares) or
 * quotes, or the one whose name it starts with. */
static int
column_of_message (Table      *table,
                   Row        *row,
                   const char *message)
{
  int c = column_quoted (table, row, message, "(", ")");

  if (c < 0)
    c = column_quoted (table, row, message, "“", "”");
  for (guint i = 0; c < 0 && i < table->table->n_columns; i++)
    {
      g_autofree char *name = attribute_name (&table->table->columns[i]);
      gsize length = strlen (name);

      if (strncmp (message, name, length) == 0 && message[length] == ' ')
        c = (int) i;
    }
  return c;
}

static void
map_problem (Loader        *loader,
             KlyngeProblem *problem)
{
  guint line = klynge_problem_get_line (problem);
  const LineOrigin *origin;
  Row *row;
  int column;

  if (line == 0 || line > loader->origins->len)
    {
      g_ptr_array_add (loader->problems, klynge_problem_ref (problem));
      return;
    }
  origin = &g_array_index (loader->origins, LineOrigin, line - 1);
  if (origin->table == NULL)
    {
      g_ptr_array_add (loader->problems, klynge_problem_ref (problem));
      return;
    }
  row = g_ptr_array_index (origin->table->rows, origin->row);
  if (row->bad)
    return;
  column = origin->column >= 0 ? origin->column
    : column_of_message (origin->table, row, klynge_problem_get_message (problem));
  g_ptr_array_add (loader->problems,
                   klynge_problem_new (klynge_problem_get_code (problem), origin->table->file, row->line,
                                       (guint) cell_column (loader, origin->table, column),
                                       klynge_problem_get_record_id (problem),
                                       klynge_problem_get_message (problem)));
}

static KlyngeLandscape *
load_document (Loader *loader)
{
  KlyngeXmlReader *reader;
  KlyngeLandscape *landscape;
  g_autoptr(GError) error = NULL;

  reader = _klynge_xml_reader_new ("<tables>", &loader->options, TRUE);
  /* the landscape is handed out: it keeps no lines (see the reader) */
  _klynge_xml_bulk_set_keep_lines (reader->bulk, FALSE);
  /* the tables were capped already; the document adds markup to them */
  reader->options.max_input_size = G_MAXUINT64;
  _klynge_xml_reader_set_size (reader, loader->xml->len);
  _klynge_xml_input_feed (reader, loader->xml->str, loader->xml->len, TRUE);
  landscape = _klynge_xml_reader_finish (reader, &error);
  for (guint i = 0; i < reader->problems->len; i++)
    map_problem (loader, g_ptr_array_index (reader->problems, i));
  if (reader->problems->len == 0 && landscape == NULL && error != NULL)
    g_ptr_array_add (loader->problems,
                     klynge_problem_new (error->code, NULL, 0, 0, NULL, error->message));
  _klynge_xml_reader_free (reader);
  return landscape;
}

/* A share's amount_ore, where the table gives it, is the library's split
 * of its contract: a sum by source must be the funding total, so a figure
 * that is not is refused rather than kept beside the one that counts. */
static void
check_share_amounts (Loader          *loader,
                     KlyngeLandscape *landscape)
{
  Table *table = table_named (loader, "share");
  int contract_column = _klynge_table_column_index (table->table, "contract");
  int source_column = _klynge_table_column_index (table->table, "source");
  int amount_column = _klynge_table_column_index (table->table, "amount_ore");

  if (!table->present || table->field_of[amount_column] < 0)
    return;
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      const char *stated = row->cells[amount_column];
      KlyngeRecord *record = klynge_landscape_lookup (landscape, row->cells[contract_column]);
      char computed[24] = "";

      if (*stated == '\0' || !KLYNGE_IS_CONTRACT (record))
        continue;
      if (klynge_contract_has_amount (KLYNGE_CONTRACT (record)))
        g_snprintf (computed, sizeof computed, "%" G_GINT64_FORMAT,
                    klynge_contract_share_amount (KLYNGE_CONTRACT (record), row->cells[source_column]));
      if (*computed == '\0')
        add_problem (loader, table, row->line, cell_column (loader, table, amount_column),
                     KLYNGE_ERROR_INCONSISTENT,
                     "amount_ore is %s, but the contract's amount is not known: leave it empty", stated);
      else if (strcmp (stated, computed) != 0)
        add_problem (loader, table, row->line, cell_column (loader, table, amount_column),
                     KLYNGE_ERROR_INCONSISTENT,
                     "amount_ore is %s, but the library's split of the contract gives this share %s øre: "
                     "leave it empty or give that", stated, computed);
    }
}

/* --- the whole load ------------------------------------------------------ */

/* Problems by file, in the order of the tables, then by place; those
 * of no file last. Equal places keep the order they were found in. */
typedef struct {
  KlyngeProblem *problem;
  guint table;
  guint index;
} Sorted;

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const Sorted *sa = a, *sb = b;
  guint la = klynge_problem_get_line (sa->problem), lb = klynge_problem_get_line (sb->problem);
  guint ca = klynge_problem_get_column (sa->problem), cb = klynge_problem_get_column (sb->problem);

  if (sa->table != sb->table)
    return sa->table < sb->table ? -1 : 1;
  if (la != lb)
    return la < lb ? -1 : 1;
  if (ca != cb)
    return ca < cb ? -1 : 1;
  return sa->index < sb->index ? -1 : sa->index > sb->index;
}

static void
sort_problems (Loader *loader)
{
  g_autofree Sorted *sorted = g_new (Sorted, loader->problems->len);
  guint n = loader->problems->len;

  for (guint i = 0; i < n; i++)
    {
      const char *file = klynge_problem_get_file (g_ptr_array_index (loader->problems, i));

      sorted[i].problem = g_ptr_array_index (loader->problems, i);
      sorted[i].index = i;
      sorted[i].table = G_MAXUINT;
      for (guint t = 0; file != NULL && t < loader->n_tables; t++)
        if (strcmp (loader->tables[t].file, file) == 0)
          sorted[i].table = t;
    }
  qsort (sorted, n, sizeof *sorted, compare_sorted);
  for (guint i = 0; i < n; i++)
    loader->problems->pdata[i] = sorted[i].problem;
}

static void
loader_init (Loader                  *loader,
             const KlyngeLoadOptions *options)
{
  const KlyngeTable *tables = _klynge_tables (&loader->n_tables);

  if (options != NULL)
    loader->options = *options;
  else
    _klynge_load_options_init_defaults (&loader->options);
  loader->tables = g_new0 (Table, loader->n_tables);
  for (guint t = 0; t < loader->n_tables; t++)
    {
      Table *table = &loader->tables[t];

      table->table = &tables[t];
      table->file = g_strconcat (tables[t].name, ".csv", NULL);
      table->field_of = g_new (int, tables[t].n_columns);
      for (guint c = 0; c < tables[t].n_columns; c++)
        table->field_of[c] = -1;
      table->rows = g_ptr_array_new_with_free_func (g_free);
      table->attributes = g_new0 (char *, tables[t].n_columns + 1);
      for (guint c = 0; c < tables[t].n_columns; c++)
        if (is_attribute (tables[t].name, &tables[t].columns[c], parent_column_of (tables[t].name)))
          table->attributes[c] = attribute_name (&tables[t].columns[c]);
    }
  loader->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);
  loader->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  loader->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  loader->xml = g_string_new (NULL);
  loader->origins = g_array_new (FALSE, FALSE, sizeof (LineOrigin));
  loader->strings = g_string_chunk_new (64 * 1024);
}

static void
loader_clear (Loader *loader)
{
  for (guint t = 0; t < loader->n_tables; t++)
    {
      g_free (loader->tables[t].file);
      g_free (loader->tables[t].field_of);
      /* not g_strfreev(): NULL stands between the names */
      for (guint c = 0; c < loader->tables[t].table->n_columns; c++)
        g_free (loader->tables[t].attributes[c]);
      g_free (loader->tables[t].attributes);
      g_ptr_array_unref (loader->tables[t].rows);
    }
  g_free (loader->tables);
  g_ptr_array_unref (loader->problems);
  g_hash_table_unref (loader->records);
  g_hash_table_unref (loader->children);
  g_string_free (loader->xml, TRUE);
  g_array_unref (loader->origins);
  g_string_chunk_free (loader->strings);
}

/* A table and its bytes, as given. */
typedef struct {
  char *name;
  GBytes *bytes;
} Input;

static void
input_clear (gpointer p)
{
  Input *input = p;

  g_free (input->name);
  g_clear_pointer (&input->bytes, g_bytes_unref);
}

static int
compare_inputs (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Input *) a)->name, ((const Input *) b)->name);
}

/* Which tables the present ones need: those their required references name. */
static gboolean
check_tables_present (Loader *loader)
{
  gboolean any = FALSE, ok = TRUE;

  for (guint t = 0; t < loader->n_tables; t++)
    {
      Table *table = &loader->tables[t];

      if (!table->present)
        continue;
      any = TRUE;
      for (guint c = 0; c < table->table->n_columns; c++)
        {
          const KlyngeColumn *column = &table->table->columns[c];
          Table *needed;

          if (column->type != KLYNGE_COLUMN_REF || !column->required)
            continue;
          needed = table_named (loader, column->ref_table);
          if (!needed->present)
            {
              add_problem (loader, table, 0, -1, KLYNGE_ERROR_MISSING_TABLE,
                           "the table %s needs the table %s (%s), which is not there",
                           table->table->name, needed->table->name, needed->file);
              ok = FALSE;
            }
        }
    }
  if (!any)
    {
      g_ptr_array_add (loader->problems,
                       klynge_problem_new (KLYNGE_ERROR_MISSING_TABLE, NULL, 0, 0, NULL,
                                           "there are no tables: a landscape needs at least one, "
                                           "such as organisation.csv"));
      ok = FALSE;
    }
  return ok;
}

/* Every problem, one a line, in a KLYNGE_ERROR of the first one's code. */
static void
set_error (Loader  *loader,
           GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < loader->problems->len; i++)
    {
      g_autofree char *line = klynge_problem_to_string (g_ptr_array_index (loader->problems, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      /* a value quoted in a message may hold a line break: shown as \n,
       * so that every problem stays on its line */
      for (const char *p = line; *p; p++)
        if (*p == '\n')
          g_string_append (text, "\\n");
        else if (*p == '\r')
          g_string_append (text, "\\r");
        else
          g_string_append_c (text, *p);
    }
  g_set_error_literal (error, KLYNGE_ERROR,
                       klynge_problem_get_code (g_ptr_array_index (loader->problems, 0)), text->str);
}

static KlyngeLandscape *
load_inputs (GArray                  *inputs,
             const KlyngeLoadOptions *options,
             GCancellable            *cancellable,
             GPtrArray              **problems,
             GError                 **error)
{
  g_autoptr(KlyngeLandscape) landscape = NULL;
  Loader loader = { { 0, }, };
  guint64 total = 0;
  gboolean whole;

  loader_init (&loader, options);
  g_array_sort (inputs, compare_inputs);
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);
      const KlyngeTable *spec = _klynge_table_lookup (input->name);
      g_autofree char *file = g_strconcat (input->name, ".csv", NULL);

      if (spec == NULL)
        {
          g_ptr_array_add (loader.problems,
                           klynge_problem_new (KLYNGE_ERROR_UNKNOWN_TABLE, file, 0, 0, NULL,
                                               "there is no table of this name"));
          continue;
        }
      table_named (&loader, spec->name)->present = TRUE;
      total += g_bytes_get_size (input->bytes);
    }
  if (total > loader.options.max_input_size)
    {
      g_ptr_array_add (loader.problems,
                       klynge_problem_new (KLYNGE_ERROR_LIMIT_EXCEEDED, NULL, 0, 0, NULL,
                                           "the tables are larger than the cap on input size"));
      goto out;
    }
  whole = check_tables_present (&loader) && loader.problems->len == 0;

  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);
      const KlyngeTable *spec = _klynge_table_lookup (input->name);
      guint before = loader.problems->len;
      Table *table;
      gsize length;
      const char *data;

      if (spec == NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          loader_clear (&loader);
          return NULL;
        }
      table = table_named (&loader, spec->name);
      data = g_bytes_get_data (input->bytes, &length);
      read_table (&loader, table, data != NULL ? data : "", length);
      for (guint r = 0; r < table->rows->len; r++)
        check_cells (&loader, table, g_ptr_array_index (table->rows, r));
      /* a table that could not be read whole would make its rows'
       * references look wrong: then only rows are checked */
      for (guint p = before; p < loader.problems->len; p++)
        {
          int code = klynge_problem_get_code (g_ptr_array_index (loader.problems, p));

          if (code == KLYNGE_ERROR_TABLE_HEADER || code == KLYNGE_ERROR_UNKNOWN_COLUMN
              || code == KLYNGE_ERROR_TABLE_SYNTAX || code == KLYNGE_ERROR_ENCODING
              || code == KLYNGE_ERROR_LIMIT_EXCEEDED)
            whole = FALSE;
        }
    }

  if (whole)
    {
      index_records (&loader);
      index_children (&loader);
      check_records (&loader);
      check_participant_kinds (&loader);
      build_document (&loader);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          loader_clear (&loader);
          return NULL;
        }
      landscape = load_document (&loader);
      if (landscape != NULL)
        check_share_amounts (&loader, landscape);
    }

out:
  if (loader.problems->len > 0)
    {
      sort_problems (&loader);
      set_error (&loader, error);
      if (problems != NULL)
        *problems = g_ptr_array_ref (loader.problems);
      g_clear_object (&landscape);
    }
  loader_clear (&loader);
  return g_steal_pointer (&landscape);
}

static GArray *
inputs_new (void)
{
  GArray *inputs = g_array_new (FALSE, TRUE, sizeof (Input));

  g_array_set_clear_func (inputs, input_clear);
  return inputs;
}

static GArray *
inputs_from_hash_table (GHashTable *tables)
{
  GArray *inputs = inputs_new ();
  GHashTableIter iter;
  gpointer key, value;

  /* load_inputs() sorts them by name: the hash table's order never shows */
  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Input input = { g_strdup (key), g_bytes_ref (value) };

      g_array_append_val (inputs, input);
    }
  return inputs;
}

/* The `.csv` files of @directory, their total size capped before a byte
 * is read. */
static GArray *
inputs_from_directory (const char        *directory,
                       KlyngeLoadOptions *options,
                       GError           **error)
{
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(GDir) dir = NULL;
  KlyngeLoadOptions defaults;
  GError *local = NULL;
  const char *name;
  guint64 total = 0;

  if (options == NULL)
    {
      _klynge_load_options_init_defaults (&defaults);
      options = &defaults;
    }
  dir = g_dir_open (directory, 0, &local);
  if (dir == NULL)
    {
      /* GLib's message names the directory */
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, local->message);
      g_error_free (local);
      return NULL;
    }
  inputs = inputs_new ();
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      char *contents;
      gsize length;
      Input input;

      /* hidden files (a Mac's ._organisation.csv, an interrupted
       * export's stage) are not tables */
      if (name[0] == '.' || !g_str_has_suffix (name, ".csv"))
        continue;
      path = g_build_filename (directory, name, NULL);
      /* only a regular file has a size to cap before it is read: a
       * device, a FIFO or a link to one could be endless */
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, "%s: not a regular file", path);
          return NULL;
        }
      if ((total += (guint64) st.st_size) > options->max_input_size)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_LIMIT_EXCEEDED,
                       "%s: the tables are larger than %" G_GUINT64_FORMAT " bytes",
                       directory, options->max_input_size);
          return NULL;
        }
      if (!g_file_get_contents (path, &contents, &length, &local))
        {
          g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, local->message);
          g_error_free (local);
          return NULL;
        }
      /* a file that grew since it was measured */
      total = total - (guint64) st.st_size + length;
      if (total > options->max_input_size)
        {
          g_free (contents);
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_LIMIT_EXCEEDED,
                       "%s: the tables are larger than %" G_GUINT64_FORMAT " bytes",
                       directory, options->max_input_size);
          return NULL;
        }
      input.name = g_strndup (name, strlen (name) - strlen (".csv"));
      input.bytes = g_bytes_new_take (contents, length);
      g_array_append_val (inputs, input);
    }
  return g_steal_pointer (&inputs);
}

/**
 * klynge_landscape_load_tables_from_bytes:
 * @tables: (element-type utf8 GBytes): each table's name (such as
 *   `organisation`, without `.csv`) and its CSV text
 * @options: (nullable): caps, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes a landscape from tables in memory, as
 * klynge_landscape_load_tables() does from a directory; meant for
 * language bindings, which pass a dictionary. The tables are taken in
 * the order of their names, never of the hash table.
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @error set
 */
KlyngeLandscape *
klynge_landscape_load_tables_from_bytes (GHashTable         *tables,
                                         KlyngeLoadOptions  *options,
                                         GCancellable       *cancellable,
                                         GError            **error)
{
  g_autoptr(GArray) inputs = NULL;

  g_return_val_if_fail (tables != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  inputs = inputs_from_hash_table (tables);
  return load_inputs (inputs, options, cancellable, NULL, error);
}

/**
 * klynge_landscape_load_tables_from_bytes_with_problems:
 * @tables: (element-type utf8 GBytes): each table's name (such as
 *   `organisation`, without `.csv`) and its CSV text
 * @options: (nullable): caps, or %NULL for the defaults
 * @problems: (out) (optional) (nullable) (transfer container)
 *   (element-type KlyngeProblem): return location for every problem
 *
 * Makes a landscape from tables in memory as
 * klynge_landscape_load_tables_from_bytes() does, but reports a failure
 * as the list of its problems, each with its code, file, line, column
 * and message, in the order the #GError lists them. Meant for language
 * bindings, whose exceptions keep only a #GError's code and text.
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @problems set (the array frees its elements)
 */
KlyngeLandscape *
klynge_landscape_load_tables_from_bytes_with_problems (GHashTable         *tables,
                                                       KlyngeLoadOptions  *options,
                                                       GPtrArray         **problems)
{
  g_autoptr(GArray) inputs = NULL;

  g_return_val_if_fail (tables != NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  inputs = inputs_from_hash_table (tables);
  return load_inputs (inputs, options, NULL, problems, NULL);
}

/**
 * klynge_landscape_load_tables:
 * @directory: (type filename): a directory of tables, one `<table>.csv`
 *   per table
 * @options: (nullable): caps, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Makes a landscape from the tables that `klynge export --format csv
 * --all` writes, or from tables written by hand: a table may leave out
 * the columns that are optional in the XML, in any order its header
 * gives, and organisation.csv, member.csv and membership.csv alone make
 * a landscape. Files that are not `.csv` (such as datapackage.json) are
 * ignored; a `.csv` that is no table is an error.
 *
 * The load is all or nothing, and every rule of the XML loader applies.
 * On any problem it returns %NULL and a %KLYNGE_ERROR with the code of
 * the first problem, whose message lists every problem found, one a
 * line, each as `file.csv:line:column: message` (a line break in a value
 * it quotes shown as `\n`).
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @error set
 */
KlyngeLandscape *
klynge_landscape_load_tables (const char         *directory,
                              KlyngeLoadOptions  *options,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GArray) inputs = NULL;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  inputs = inputs_from_directory (directory, options, error);
  if (inputs == NULL)
    return NULL;
  return load_inputs (inputs, options, cancellable, NULL, error);
}

typedef struct {
  char *directory;
  KlyngeLoadOptions *options;
} TablesTaskData;

static void
tables_task_data_free (gpointer p)
{
  TablesTaskData *data = p;

  g_free (data->directory);
  g_clear_pointer (&data->options, klynge_load_options_unref);
  g_free (data);
}

static void
load_tables_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  TablesTaskData *data = task_data;
  GError *error = NULL;
  KlyngeLandscape *landscape;

  landscape = klynge_landscape_load_tables (data->directory, data->options, cancellable, &error);
  if (landscape == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, landscape, g_object_unref);
}

/**
 * klynge_landscape_load_tables_async:
 * @directory: (type filename): a directory of tables, one `<table>.csv`
 *   per table
 * @options: (nullable): caps, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the load is done
 * @user_data: (closure callback): data for @callback
 *
 * Makes a landscape from a directory of tables in a worker thread, as
 * klynge_landscape_load_tables() does (millions of memberships take
 * seconds). Finish with klynge_landscape_load_tables_finish().
 */
void
klynge_landscape_load_tables_async (const char          *directory,
                                    KlyngeLoadOptions   *options,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TablesTaskData *data;

  g_return_if_fail (directory != NULL);

  data = g_new0 (TablesTaskData, 1);
  data->directory = g_strdup (directory);
  data->options = options != NULL ? klynge_load_options_ref (options) : NULL;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, klynge_landscape_load_tables_async);
  g_task_set_task_data (task, data, tables_task_data_free);
  g_task_run_in_thread (task, load_tables_in_thread);
}

/**
 * klynge_landscape_load_tables_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes klynge_landscape_load_tables_async().
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @error set as klynge_landscape_load_tables() sets it
 */
KlyngeLandscape *
klynge_landscape_load_tables_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == klynge_landscape_load_tables_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * klynge_landscape_load_tables_with_problems:
 * @directory: (type filename): a directory of tables, one `<table>.csv`
 *   per table
 * @options: (nullable): caps, or %NULL for the defaults
 * @problems: (out) (optional) (nullable) (transfer container)
 *   (element-type KlyngeProblem): return location for every problem
 *
 * Makes a landscape from a directory of tables as
 * klynge_landscape_load_tables() does, but reports a failure as the list
 * of its problems; see
 * klynge_landscape_load_tables_from_bytes_with_problems(). A directory
 * that cannot be read is one problem with the code %KLYNGE_ERROR_IO (or
 * %KLYNGE_ERROR_LIMIT_EXCEEDED when its tables are too large) and no
 * file.
 *
 * Returns: (transfer full) (nullable): a new landscape, or %NULL with
 *   @problems set (the array frees its elements)
 */
KlyngeLandscape *
klynge_landscape_load_tables_with_problems (const char         *directory,
                                            KlyngeLoadOptions  *options,
                                            GPtrArray         **problems)
{
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (directory != NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  inputs = inputs_from_directory (directory, options, &error);
  if (inputs == NULL)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);
          g_ptr_array_add (*problems, klynge_problem_new (error->code, NULL, 0, 0, NULL, error->message));
        }
      return NULL;
    }
  return load_inputs (inputs, options, NULL, problems, NULL);
}
