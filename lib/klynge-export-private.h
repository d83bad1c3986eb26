/* klynge-export-private.h: the buffered emitter that the table exports
 * (klynge-export.c) and the graph exports (klynge-graph-export.c) write
 * through
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-file-output-private.h"
#include "klynge-landscape-private.h"
#include "klynge-tables-private.h"

G_BEGIN_DECLS

/* rows between checks of the cancellable */
#define CANCEL_INTERVAL 4096

/* the most columns a table has */
#define CSV_MAX_COLUMNS 24

/* The text a CSV enum column gave the value it had last: rows in a row
 * mostly repeat it (a membership's role and end), and the lookup of a
 * nick took a fifth of the membership table's time. */
typedef struct {
  gboolean valid;
  int value;
  const char *text;             /* NULL: the empty field */
  gsize length;
} CsvEnumMemo;

typedef struct {
  KlyngeOutput out;
  guint rows;                   /* since the last look at the cancellable */
  const KlyngeTable *table;     /* CSV: the table being written */
  guint fields;                 /* CSV: in the row so far */
  CsvEnumMemo memo[CSV_MAX_COLUMNS];    /* CSV: of each enum column */
  const char *precisions[KLYNGE_DATE_PRECISION_DAY + 1];        /* dates' precisions: their nicks */
  GString *scratch;             /* for joined values */
  guint64 edges;                /* graphs: edges written so far, for GEXF's edge ids */
} Emitter;

/* FALSE once an error is set; looks at the cancellable now and then. */
static inline gboolean
emitter_ok (Emitter *emitter)
{
  if (emitter->out.error != NULL)
    return FALSE;
  if (emitter->out.cancellable != NULL && ++emitter->rows >= CANCEL_INTERVAL)
    {
      emitter->rows = 0;
      if (g_cancellable_set_error_if_cancelled (emitter->out.cancellable, &emitter->out.error))
        return FALSE;
    }
  return TRUE;
}

/* Sets up the rest once @emitter->out is set up. */
static inline void
emitter_init (Emitter *emitter)
{
  emitter->rows = 0;
  emitter->table = NULL;
  emitter->fields = 0;
  emitter->scratch = g_string_new (NULL);
  emitter->edges = 0;
  emitter->precisions[KLYNGE_DATE_PRECISION_NONE] = NULL;
  for (int p = KLYNGE_DATE_PRECISION_YEAR; p <= KLYNGE_DATE_PRECISION_DAY; p++)
    emitter->precisions[p] = _klynge_enum_to_nick (KLYNGE_TYPE_DATE_PRECISION, p);
}

static inline gboolean
emitter_finish (Emitter  *emitter,
                GError  **error)
{
  if (emitter->out.error == NULL && emitter->out.cancellable != NULL)
    g_cancellable_set_error_if_cancelled (emitter->out.cancellable, &emitter->out.error);
  g_string_free (emitter->scratch, TRUE);
  return _klynge_output_finish (&emitter->out, error);
}

/* The same for an emitter set up by _klynge_file_output_open(): the file
 * replaces its target, or is removed. */
static inline gboolean
emitter_finish_file (Emitter           *emitter,
                     KlyngeFileOutput  *file,
                     GError           **error)
{
  g_string_free (emitter->scratch, TRUE);
  return _klynge_file_output_commit (file, &emitter->out, error);
}

/* The first day @date stands for, YYYY-MM-DD, into @buf, and how much of
 * it is known into @precision, as the CSV tables' date and `_precision`
 * columns give it; 0 and %KLYNGE_DATE_PRECISION_NONE for no date. On the
 * stack: the membership table writes millions. */
static inline gsize
_klynge_date_first_day (const KlyngeDate    *date,
                        char                 buf[10],
                        KlyngeDatePrecision *precision)
{
  KlyngeDate first;

  if (date == NULL || date->year == 0)
    {
      *precision = KLYNGE_DATE_PRECISION_NONE;
      return 0;
    }
  *precision = date->day != 0 ? KLYNGE_DATE_PRECISION_DAY
               : date->month != 0 ? KLYNGE_DATE_PRECISION_MONTH
               : KLYNGE_DATE_PRECISION_YEAR;
  first.year = date->year;
  first.month = date->month != 0 ? date->month : 1;
  first.day = date->day != 0 ? date->day : 1;
  return _klynge_date_format (&first, buf);
}

static inline KlyngeOrganisation *
entry_organisation (KlyngeLandscape *self,
                    guint            i)
{
  return ((KlyngeOrgEntry *) g_ptr_array_index (self->organisations, i))->organisation;
}

G_END_DECLS
