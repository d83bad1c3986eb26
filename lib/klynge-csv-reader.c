/* klynge-csv-reader.c: rows of fields from CSV bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One pass over the bytes, a byte at a time: a field is copied only up
 * to the cap, so a field of 100 MB or a row of a million fields is
 * refused after reading a little more than the cap, never stored.
 */
#include "config.h"

#include <string.h>

#include "klynge-csv-reader-private.h"

struct _KlyngeCsvReader
{
  char *file;
  const char *data;
  gsize length;
  gsize pos;
  guint line;               /* the line at @pos */
  guint max_field_length;
  guint max_fields;
  guint n_fields;           /* every row's, once set; 0 before */
  gboolean failed;

  GString *bytes;           /* the row's fields, each NUL-terminated */
  GArray *offsets;          /* gsize: where each field starts in @bytes */
  GArray *lines;            /* guint: the line each field starts on */
  GPtrArray *fields;        /* char *, into @bytes */
  KlyngeCsvRow row;
};

KlyngeCsvReader *
_klynge_csv_reader_new (const char *file,
                        const char *data,
                        gsize       length,
                        guint       max_field_length,
                        guint       max_fields)
{
  KlyngeCsvReader *reader = g_new0 (KlyngeCsvReader, 1);

  reader->file = g_strdup (file);
  reader->data = data;
  reader->length = length;
  reader->line = 1;
  reader->max_field_length = max_field_length;
  reader->max_fields = max_fields;
  reader->bytes = g_string_sized_new (256);
  reader->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  reader->fields = g_ptr_array_new ();
  return reader;
}

void
_klynge_csv_reader_free (KlyngeCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->file);
  g_string_free (reader->bytes, TRUE);
  g_array_unref (reader->offsets);
  g_array_unref (reader->lines);
  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

void
_klynge_csv_reader_set_n_fields (KlyngeCsvReader *reader,
                                 guint            n_fields)
{
  reader->n_fields = n_fields;
}

static KlyngeProblem *
problem (KlyngeCsvReader *reader,
         int              code,
         guint            line,
         guint            column,
         const char      *format,
         ...) G_GNUC_PRINTF (5, 6);

static KlyngeProblem *
problem (KlyngeCsvReader *reader,
         int              code,
         guint            line,
         guint            column,
         const char      *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return klynge_problem_new (code, reader->file, line, column, NULL, message);
}

/* Skips to the start of the next line, counting the lines of quoted
 * fields on the way, so that reading goes on after a bad row. */
static void
skip_row (KlyngeCsvReader *reader)
{
  gboolean quoted = FALSE;

  while (reader->pos < reader->length)
    {
      char c = reader->data[reader->pos++];

      if (c == '"')
        quoted = !quoted;
      else if (c == '\n')
        {
          reader->line++;
          if (!quoted)
            return;
        }
    }
}

typedef enum { FIELD_MORE, FIELD_LAST, FIELD_ERROR } FieldEnd;

/* Reads one field at @pos into the row; after it @pos is past the comma
 * or the row end. */
static FieldEnd
read_field (KlyngeCsvReader  *reader,
            guint             column,
            KlyngeProblem   **error)
{
  const char *data = reader->data;
  guint start_line = reader->line;
  gsize offset = reader->bytes->len;
  gboolean quoted = FALSE;
  FieldEnd end = FIELD_LAST;

  g_array_append_val (reader->offsets, offset);
  g_array_append_val (reader->lines, start_line);

  if (reader->pos < reader->length && data[reader->pos] == '"')
    {
      quoted = TRUE;
      reader->pos++;
    }
  for (;;)
    {
      char c;

      if (reader->pos >= reader->length)
        {
          if (quoted)
            {
              *error = problem (reader, KLYNGE_ERROR_TABLE_SYNTAX, start_line, column,
                                "the quote that opens this field is never closed");
              return FIELD_ERROR;
            }
          break;
        }
      c = data[reader->pos];
      if (c == '\0')
        {
          *error = problem (reader, KLYNGE_ERROR_ENCODING, reader->line, column,
                            "the table holds a NUL byte");
          return FIELD_ERROR;
        }
      if (quoted)
        {
          reader->pos++;
          if (c == '"')
            {
              if (reader->pos < reader->length && data[reader->pos] == '"')
                reader->pos++;          /* a doubled quote stands for one */
              else
                {
                  quoted = FALSE;
                  /* after the closing quote only the field's end may follow */
                  if (reader->pos < reader->length && data[reader->pos] != ','
                      && data[reader->pos] != '\n' && data[reader->pos] != '\r')
                    {
                      *error = problem (reader, KLYNGE_ERROR_TABLE_SYNTAX, reader->line, column,
                                        "text follows the closing quote of a field");
                      return FIELD_ERROR;
                    }
                  continue;
                }
            }
          else if (c == '\n')
            reader->line++;
        }
      else
        {
          if (c == ',')
            {
              reader->pos++;
              end = FIELD_MORE;
              break;
            }
          if (c == '\n' || (c == '\r' && reader->pos + 1 < reader->length && data[reader->pos + 1] == '\n'))
            {
              reader->pos += c == '\r' ? 2 : 1;
              reader->line++;
              break;
            }
          if (c == '\r')
            {
              *error = problem (reader, KLYNGE_ERROR_TABLE_SYNTAX, reader->line, column,
                                "a carriage return that ends no row: rows end with CRLF or LF");
              return FIELD_ERROR;
            }
          if (c == '"')
            {
              *error = problem (reader, KLYNGE_ERROR_TABLE_SYNTAX, reader->line, column,
                                "a quote inside a field that is not quoted: "
                                "quote the whole field and double the quote");
              return FIELD_ERROR;
            }
          reader->pos++;
        }
      if (reader->bytes->len - offset >= reader->max_field_length)
        {
          *error = problem (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, start_line, column,
                            "a field is longer than %u bytes", reader->max_field_length);
          return FIELD_ERROR;
        }
      g_string_append_c (reader->bytes, c);
    }

  if (!g_utf8_validate_len (reader->bytes->str + offset, reader->bytes->len - offset, NULL))
    {
      *error = problem (reader, KLYNGE_ERROR_ENCODING, start_line, column,
                        "the field is not valid UTF-8");
      return FIELD_ERROR;
    }
  g_string_append_c (reader->bytes, '\0');
  return end;
}

KlyngeCsvResult
_klynge_csv_reader_next (KlyngeCsvReader     *reader,
                         const KlyngeCsvRow **row,
                         KlyngeProblem      **error)
{
  guint column = 0;
  FieldEnd end;

  *row = NULL;
  if (reader->failed)
    return KLYNGE_CSV_FAILED;
  if (reader->pos == 0 && reader->length >= 3 && memcmp (reader->data, "\xef\xbb\xbf", 3) == 0)
    {
      *error = problem (reader, KLYNGE_ERROR_ENCODING, 1, 1,
                        "the table starts with a byte order mark: tables are UTF-8 without one");
      reader->failed = TRUE;
      return KLYNGE_CSV_FAILED;
    }
  /* empty lines hold no row */
  while (reader->pos < reader->length
         && (reader->data[reader->pos] == '\n'
             || (reader->data[reader->pos] == '\r' && reader->pos + 1 < reader->length
                 && reader->data[reader->pos + 1] == '\n')))
    {
      reader->pos += reader->data[reader->pos] == '\r' ? 2 : 1;
      reader->line++;
    }
  if (reader->pos >= reader->length)
    return KLYNGE_CSV_END;

  g_string_truncate (reader->bytes, 0);
  g_array_set_size (reader->offsets, 0);
  g_array_set_size (reader->lines, 0);
  g_ptr_array_set_size (reader->fields, 0);
  reader->row.line = reader->line;
  do
    {
      column++;
      if (column > reader->max_fields)
        {
          *error = problem (reader, KLYNGE_ERROR_LIMIT_EXCEEDED, reader->line, column,
                            "a row has more than %u fields", reader->max_fields);
          reader->failed = TRUE;
          return KLYNGE_CSV_FAILED;
        }
      if (reader->n_fields > 0 && column > reader->n_fields)
        {
          *error = problem (reader, KLYNGE_ERROR_TABLE_SYNTAX, reader->row.line, column,
                            "the row has more fields than the header's %u", reader->n_fields);
          skip_row (reader);
          return KLYNGE_CSV_BAD_ROW;
        }
      end = read_field (reader, column, error);
      if (end == FIELD_ERROR)
        {
          reader->failed = TRUE;
          return KLYNGE_CSV_FAILED;
        }
    }
  while (end == FIELD_MORE);

  if (reader->n_fields > 0 && column != reader->n_fields)
    {
      *error = problem (reader, KLYNGE_ERROR_TABLE_SYNTAX, reader->row.line, column,
                        "the row has %u fields; the header has %u", column, reader->n_fields);
      return KLYNGE_CSV_BAD_ROW;
    }
  for (guint i = 0; i < reader->offsets->len; i++)
    g_ptr_array_add (reader->fields, reader->bytes->str + g_array_index (reader->offsets, gsize, i));
  reader->row.n_fields = reader->fields->len;
  reader->row.fields = (char **) reader->fields->pdata;
  reader->row.lines = (const guint *) reader->lines->data;
  *row = &reader->row;
  return KLYNGE_CSV_ROW;
}
