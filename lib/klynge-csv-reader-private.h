/* klynge-csv-reader-private.h: rows of fields from CSV bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * RFC 4180 with CRLF or LF row ends; refuses what a table must not hold
 * (a byte order mark, a NUL byte, text that is not UTF-8) and what is
 * larger than the caps, before it allocates it.
 */
#pragma once

#include <glib.h>

#include "klynge-private.h"

G_BEGIN_DECLS

typedef struct {
  guint n_fields;
  char **fields;        /* NUL-terminated, owned by the reader */
  const guint *lines;   /* the 1-based line each field starts on */
  guint line;           /* the line the row starts on */
} KlyngeCsvRow;

typedef enum {
  KLYNGE_CSV_ROW,       /* a row, in the reader until the next call */
  KLYNGE_CSV_END,       /* no more rows */
  KLYNGE_CSV_BAD_ROW,   /* the row is wrong (a problem); the next may be read */
  KLYNGE_CSV_FAILED     /* the rest cannot be read (a problem) */
} KlyngeCsvResult;

typedef struct _KlyngeCsvReader KlyngeCsvReader;

/* @data stays the caller's and must outlive the reader. A field longer
 * than @max_field_length bytes, or a row of more than @max_fields
 * fields, is KLYNGE_ERROR_LIMIT_EXCEEDED. */
KlyngeCsvReader *_klynge_csv_reader_new           (const char      *file,
                                                   const char      *data,
                                                   gsize            length,
                                                   guint            max_field_length,
                                                   guint            max_fields);
void             _klynge_csv_reader_free          (KlyngeCsvReader *reader);
/* From now on every row must have @n_fields fields (those after the
 * header have as many as it), else KLYNGE_CSV_BAD_ROW. */
void             _klynge_csv_reader_set_n_fields  (KlyngeCsvReader *reader,
                                                   guint            n_fields);
/* Reads the next row; on KLYNGE_CSV_ROW @row points at it. On
 * KLYNGE_CSV_BAD_ROW and KLYNGE_CSV_FAILED, @problem (transfer full)
 * says what is wrong, with the file, line and field's column. Empty
 * lines are no rows. */
KlyngeCsvResult  _klynge_csv_reader_next          (KlyngeCsvReader     *reader,
                                                   const KlyngeCsvRow **row,
                                                   KlyngeProblem      **problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeCsvReader, _klynge_csv_reader_free)

G_END_DECLS
