/* klynge-tables-private.h: the one description of the tables
 *
 * The CSV export writes these tables, the table loader reads them back,
 * and the Data Package descriptor (datapackage.json) describes them: all
 * three take the tables' names, columns, types and keys from here, so that
 * they cannot disagree.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KLYNGE_COLUMN_TEXT,          /* free text */
  KLYNGE_COLUMN_ID,            /* the row's own record id */
  KLYNGE_COLUMN_REF,           /* the id of a record of @ref_table */
  KLYNGE_COLUMN_DATE,          /* YYYY-MM-DD, the first day a date stands for */
  KLYNGE_COLUMN_PRECISION,     /* year, month or day: of the date column before it */
  KLYNGE_COLUMN_ORE,           /* money: a whole number of øre */
  KLYNGE_COLUMN_SHARE_ORE,     /* money the library works out from other
                                * columns (a share's part of its contract,
                                * in øre): written, and checked on reading */
  KLYNGE_COLUMN_DECIMALS,      /* 0, 1 or 2: how many decimals of kroner the
                                * amount before it was written with; empty
                                * for 2 (or no amount) */
  KLYNGE_COLUMN_PERCENT,       /* a percentage with at most two decimals */
  KLYNGE_COLUMN_COUNT,         /* a whole number, 0 or more */
  KLYNGE_COLUMN_CVR,           /* a Danish CVR number: eight digits */
  KLYNGE_COLUMN_ENUM,          /* one of a fixed set of words */
  KLYNGE_COLUMN_LIST,          /* values joined by KLYNGE_CSV_LIST_SEPARATOR */
} KlyngeColumnType;

typedef struct {
  const char *name;
  KlyngeColumnType type;
  gboolean required;           /* a row must give a value (the XML requires it) */
  GType (*enum_type) (void);   /* ENUM, PRECISION: the registered enum whose
                                * nicks it takes */
  const char * const *values;  /* ENUM without @enum_type: the words it takes */
  const char *absent;          /* ENUM, PRECISION: the nick an empty field stands
                                * for, which is never written (NULL when every
                                * nick is) */
  const char *ref_table;       /* REF: the table whose `id` it names */
  const char *description;
} KlyngeColumn;

typedef struct {
  const char *name;            /* the kind, and the file name without ".csv" */
  const char *description;
  const KlyngeColumn *columns; /* in the order the export writes them */
  guint n_columns;
  const char * const *primary_key;   /* NULL-terminated; NULL when none */
} KlyngeTable;

/* Every table, in the order `klynge export --all` writes them. */
const KlyngeTable  *_klynge_tables              (guint              *n_tables);
/* NULL when there is no table @name. */
const KlyngeTable  *_klynge_table_lookup        (const char         *name);
/* The column's index in @table, or -1 when it has none called @name. */
int                 _klynge_table_column_index  (const KlyngeTable  *table,
                                                 const char         *name);
/* The words an ENUM or PRECISION column takes, NULL-terminated: @column's own array,
 * or the nicks of its enum type but @absent, in the type's order (made
 * once, owned by the library). */
const char * const *_klynge_column_values       (const KlyngeColumn *column);

/* The Data Package 2.0 descriptor (datapackage.json) of every table:
 * indented JSON, the same bytes every time. */
GString            *_klynge_tables_datapackage  (void);

/* The one rule of a LIST column: values joined by
 * KLYNGE_CSV_LIST_SEPARATOR, a `|` or `\` inside a value escaped with a
 * `\`. Appends @value (nullable: empty) to @out, the separator before all
 * but the first (@index 0). */
void                _klynge_table_list_append   (GString            *out,
                                                 guint               index,
                                                 const char         *value);
/* The values @text joins, NULL-terminated (one empty value for ""); NULL
 * when a `\` escapes anything but `|` or `\`. */
char              **_klynge_table_list_split    (const char         *text);

G_END_DECLS
