/* klynge-validate.c: the semantic checks of a whole landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Records check their own fields when they are set; what needs more than
 * one record (references, completed mergers, renewal chains) is checked
 * here, for klynge_landscape_validate() and at the end of a load.
 */
#include "config.h"

#include "klynge-landscape-private.h"
#include "klynge-validate-private.h"

typedef struct {
  KlyngeLandscape *self;
  const char *file;
  GPtrArray *problems;
} ProblemSink;

static void
report (ProblemSink  *sink,
        KlyngeRecord *record,
        int           code,
        const char   *format,
        ...) G_GNUC_PRINTF (4, 5);

static void
report (ProblemSink  *sink,
        KlyngeRecord *record,
        int           code,
        const char   *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (sink->problems,
                   _klynge_problem_new_valist (code, sink->file, klynge_record_get_line (record),
                                               klynge_record_get_id (record), format, args));
  va_end (args);
}

static gboolean
check_reference (KlyngeRecord *from,
                 const char   *target,
                 GType         expected,
                 const char   *attribute,
                 gpointer      user_data)
{
  ProblemSink *sink = user_data;
  KlyngeError code;

  if (target == NULL)
    report (sink, from, KLYNGE_ERROR_MISSING_ATTRIBUTE, "%s “%s” has no %s",
            klynge_record_get_kind_name (from), klynge_record_get_id (from), attribute);
  else if (!_klynge_landscape_resolve (sink->self, target, expected, &code))
    report (sink, from, code,
            code == KLYNGE_ERROR_UNRESOLVED_REFERENCE
            ? "%s “%s”: %s “%s” names no record"
            : "%s “%s”: %s “%s” is not of the right kind",
            klynge_record_get_kind_name (from), klynge_record_get_id (from), attribute, target);
  return TRUE;
}

static void
check_references_of (gpointer record,
                     gpointer user_data)
{
  _klynge_record_foreach_reference (record, check_reference, user_data);
}

void
_klynge_landscape_check_references (KlyngeLandscape *self,
                                    const char      *file,
                                    GPtrArray       *problems)
{
  ProblemSink sink = { self, file, problems };

  _klynge_landscape_foreach_record (self, check_references_of, &sink);
}

/* What following a contract's renewal chain found; in the memo of
 * chain_loops(), on the path now being followed is ON_PATH. */
enum { CHAIN_ON_PATH = 1, CHAIN_ENDS, CHAIN_LOOPS };

/* Whether @contract's renewal chain goes round for ever (it renews
 * itself, or leads into a loop). Each contract's answer is kept in @memo,
 * so all the chains of a landscape are followed in linear time, not once
 * per contract (40,000 chained contracts took minutes). */
static gboolean
chain_loops (KlyngeLandscape *self,
             KlyngeContract  *contract,
             GHashTable      *memo,
             GPtrArray       *path)
{
  KlyngeContract *at = contract;
  int result = CHAIN_ENDS;

  g_ptr_array_set_size (path, 0);
  while (at != NULL)
    {
      int state = GPOINTER_TO_INT (g_hash_table_lookup (memo, at));
      const char *renews;
      KlyngeRecord *previous;

      if (state == CHAIN_ON_PATH)
        {
          result = CHAIN_LOOPS;
          break;
        }
      if (state != 0)
        {
          result = state;
          break;
        }
      g_hash_table_insert (memo, at, GINT_TO_POINTER (CHAIN_ON_PATH));
      g_ptr_array_add (path, at);
      renews = klynge_contract_get_renews (at);
      previous = renews != NULL ? klynge_landscape_lookup (self, renews) : NULL;
      at = KLYNGE_IS_CONTRACT (previous) ? KLYNGE_CONTRACT (previous) : NULL;
    }
  /* every contract on the path leads where the last one did */
  for (guint i = 0; i < path->len; i++)
    g_hash_table_insert (memo, g_ptr_array_index (path, i), GINT_TO_POINTER (result));
  return result == CHAIN_LOOPS;
}

static void
check_contracts (ProblemSink *sink)
{
  GPtrArray *contracts = sink->self->contracts;
  g_autoptr(GHashTable) memo = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (contracts, i);
      g_autoptr(GError) error = NULL;

      if (!klynge_contract_check_shares (contract, &error))
        report (sink, KLYNGE_RECORD (contract), error->code, "%s", error->message);

      /* a renewal chain must end */
      if (chain_loops (sink->self, contract, memo, path))
        report (sink, KLYNGE_RECORD (contract), KLYNGE_ERROR_INCONSISTENT,
                "contract “%s” renews itself through its chain",
                klynge_record_get_id (KLYNGE_RECORD (contract)));
    }
}

static void
check_mergers (ProblemSink *sink)
{
  GPtrArray *mergers = sink->self->mergers;

  for (guint i = 0; i < mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (mergers, i);
      KlyngeRecord *record = KLYNGE_RECORD (merger);
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      guint n = g_strv_length ((char **) predecessors);
      guint needed = klynge_merger_kind_min_predecessors (klynge_merger_get_kind (merger));
      const KlyngeDate *effective = klynge_merger_get_effective (merger);

      if (n < needed)
        report (sink, record, KLYNGE_ERROR_TOO_FEW_PARTIES,
                "merger “%s” has %u predecessor%s; a %s needs at least %u",
                klynge_record_get_id (record), n, n == 1 ? "" : "s",
                _klynge_enum_to_nick (KLYNGE_TYPE_MERGER_KIND, klynge_merger_get_kind (merger)),
                needed);
      if (klynge_merger_has_predecessor (merger, klynge_merger_get_successor (merger)))
        report (sink, record, KLYNGE_ERROR_INCONSISTENT,
                "merger “%s” names its successor “%s” as a predecessor",
                klynge_record_get_id (record), klynge_merger_get_successor (merger));
      if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED)
        continue;

      /* a completed merger is history: its predecessors must be dissolved
       * by the effective date */
      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          KlyngeRecord *target = klynge_landscape_lookup (sink->self, predecessors[j]);
          const KlyngeDate *dissolved;

          if (!KLYNGE_IS_ORGANISATION (target))
            continue;
          dissolved = klynge_organisation_get_dissolved (KLYNGE_ORGANISATION (target));
          if (!klynge_date_is_set (dissolved))
            report (sink, record, KLYNGE_ERROR_INCONSISTENT,
                    "merger “%s” is completed, but its predecessor “%s” is not dissolved",
                    klynge_record_get_id (record), predecessors[j]);
          /* the dissolution day is the predecessor's last: it must come
           * before the effective date, as far as partial dates tell */
          else if (klynge_date_get_first_day (dissolved) >= klynge_date_get_last_day (effective))
            {
              g_autofree char *d = klynge_date_to_string (dissolved);
              g_autofree char *e = klynge_date_to_string (effective);
              report (sink, record, KLYNGE_ERROR_INCONSISTENT,
                      "merger “%s” took effect on %s, but its predecessor “%s” was dissolved only on %s",
                      klynge_record_get_id (record), e, predecessors[j], d);
            }
        }
    }
}

void
_klynge_landscape_check_consistency (KlyngeLandscape *self,
                                     const char      *file,
                                     GPtrArray       *problems)
{
  ProblemSink sink = { self, file, problems };

  check_contracts (&sink);
  check_mergers (&sink);
}

/**
 * klynge_landscape_validate:
 * @self: a landscape
 *
 * Checks what records cannot check alone: that every reference resolves to
 * a record of the right kind, that contract shares sum to 100 % and
 * renewal chains end, that mergers have enough predecessors and that a
 * completed merger's predecessors were dissolved before its effective
 * date (a dissolution date is an organisation's last day; with partial
 * dates, only a certain contradiction is reported).
 *
 * Returns: (transfer container) (element-type KlyngeProblem): every problem
 *   found, in landscape order; empty when there is none. The array frees
 *   its elements.
 */
GPtrArray *
klynge_landscape_validate (KlyngeLandscape *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_problem_unref);
  _klynge_landscape_check_references (self, NULL, problems);
  _klynge_landscape_check_consistency (self, NULL, problems);
  return problems;
}
