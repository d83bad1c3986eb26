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
#include "klynge-reloadable-private.h"
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
      const KlyngeDate *effective = klynge_merger_get_effective (merger);
      g_autoptr(GError) error = NULL;

      if (!_klynge_merger_check_predecessor_count (merger, &error))
        report (sink, record, error->code, "%s", error->message);
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

/* --- the history of completed mergers, as a whole ----------------------- */

/* A completed merger and where it stands in the history: its effective
 * day, then its place in the landscape. */
typedef struct {
  KlyngeMerger *merger;
  guint index;
  guint32 day;
} HistoryStep;

/* A problem of the history and the merger it belongs to, so that the
 * problems can be listed in landscape order, not in date order. */
typedef struct {
  guint index;
  guint order;
  KlyngeProblem *problem;
} HistoryProblem;

/* The organisations the mergers name, each as a number: a union-find
 * forest over the edges predecessor → successor taken so far, and the
 * step that dissolved each (NULL while none has). */
typedef struct {
  GHashTable *numbers;
  GArray *parent;
  GArray *size;
  GPtrArray *dissolved_by;
} HistoryBodies;

/* Orders by a first key, then a second. */
static gint
compare_keys (guint32 first_a,
              guint32 second_a,
              guint32 first_b,
              guint32 second_b)
{
  if (first_a != first_b)
    return first_a < first_b ? -1 : 1;
  return second_a < second_b ? -1 : second_a > second_b;
}

static gint
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const HistoryStep *x = a, *y = b;

  return compare_keys (x->day, x->index, y->day, y->index);
}

/* Problems of one merger keep the order they were found in. */
static gint
compare_history_problems (gconstpointer a,
                          gconstpointer b)
{
  const HistoryProblem *x = a, *y = b;

  return compare_keys (x->index, x->order, y->index, y->order);
}

static guint
body_number (HistoryBodies *bodies,
             const char    *id)
{
  gpointer found;
  guint number, one = 1;

  if (g_hash_table_lookup_extended (bodies->numbers, id, NULL, &found))
    return GPOINTER_TO_UINT (found);
  number = bodies->parent->len;
  g_hash_table_insert (bodies->numbers, (gpointer) id, GUINT_TO_POINTER (number));
  g_array_append_val (bodies->parent, number);
  g_array_append_val (bodies->size, one);
  g_ptr_array_add (bodies->dissolved_by, NULL);
  return number;
}

static guint
body_root (HistoryBodies *bodies,
           guint          number)
{
  guint *parent = (guint *) bodies->parent->data;

  /* path halving keeps the trees flat without recursion */
  while (parent[number] != number)
    {
      parent[number] = parent[parent[number]];
      number = parent[number];
    }
  return number;
}

static void
join_bodies (HistoryBodies *bodies,
             guint          a,
             guint          b)
{
  guint *parent = (guint *) bodies->parent->data;
  guint *size = (guint *) bodies->size->data;

  a = body_root (bodies, a);
  b = body_root (bodies, b);
  if (a == b)
    return;
  if (size[a] < size[b])
    {
      guint swap = a;
      a = b;
      b = swap;
    }
  parent[b] = a;
  size[a] += size[b];
}

/* Completed mergers are history, so taken together, in the order they
 * took effect (effective date, then landscape order), they must be
 * possible: each dissolves its predecessors, so a body is the
 * predecessor of one completed merger at most, and neither merges again
 * nor takes in others after that; and no body descends from itself. The
 * codes are those klynge_landscape_check_merger_of() gives a merger yet
 * to be applied in the same situation, so that `klynge merge` and
 * `klynge validate` agree. The walk is n log n: a sort, then a
 * union-find forest (each body has one successor at most, so the bodies
 * form trees whose roots are the ones not yet dissolved, and a
 * predecessor descends from the successor exactly when both are in one
 * tree). Each merger closing a cycle is reported with the cycle's code
 * alone, not also as one into a dissolved successor. */
static void
check_history (ProblemSink *sink)
{
  GPtrArray *mergers = sink->self->mergers;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (HistoryStep));
  g_autoptr(GPtrArray) reported = g_ptr_array_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (HistoryProblem));
  ProblemSink history = { sink->self, sink->file, reported };
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) parent = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) size = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) dissolved_by = g_ptr_array_new ();
  HistoryBodies bodies = { numbers, parent, size, dissolved_by };

  for (guint i = 0; i < mergers->len; i++)
    {
      KlyngeMerger *merger = g_ptr_array_index (mergers, i);
      HistoryStep step = { merger, i, 0 };

      if (klynge_merger_get_status (merger) != KLYNGE_MERGER_STATUS_COMPLETED)
        continue;
      if (klynge_date_is_set (klynge_merger_get_effective (merger)))
        step.day = klynge_date_get_first_day (klynge_merger_get_effective (merger));
      g_array_append_val (steps, step);
    }
  g_array_sort (steps, compare_steps);

  for (guint i = 0; i < steps->len; i++)
    {
      HistoryStep *step = &g_array_index (steps, HistoryStep, i);
      const char *id = klynge_record_get_id (KLYNGE_RECORD (step->merger));
      const char *successor = klynge_merger_get_successor (step->merger);
      const char * const *predecessors = klynge_merger_get_predecessors (step->merger);
      KlyngeRecord *record = KLYNGE_RECORD (step->merger);
      guint to = successor != NULL ? body_number (&bodies, successor) : G_MAXUINT;
      gboolean cycle = FALSE;

      for (guint j = 0; predecessors[j] != NULL; j++)
        {
          guint from;
          HistoryStep *earlier;

          /* naming the successor as a predecessor is check_mergers()'s */
          if (g_strcmp0 (predecessors[j], successor) == 0)
            continue;
          from = body_number (&bodies, predecessors[j]);
          earlier = g_ptr_array_index (dissolved_by, from);
          if (earlier == step)
            continue;   /* named twice in this merger */
          if (earlier != NULL)
            {
              g_autofree char *e = klynge_date_to_string (klynge_merger_get_effective (earlier->merger));
              report (&history, record, KLYNGE_ERROR_MERGER_PREDECESSOR_INACTIVE,
                      "merger “%s”: its predecessor “%s” was already merged into “%s” by "
                      "the completed merger “%s” (effective %s)",
                      id, predecessors[j], klynge_merger_get_successor (earlier->merger),
                      klynge_record_get_id (KLYNGE_RECORD (earlier->merger)), e);
              continue;
            }
          g_ptr_array_index (dissolved_by, from) = step;
          if (to == G_MAXUINT)
            continue;
          /* @from has no successor yet, so it is the root of its tree */
          if (body_root (&bodies, to) == body_root (&bodies, from))
            {
              report (&history, record, KLYNGE_ERROR_MERGER_CYCLE,
                      "merger “%s”: its predecessor “%s” descends from its successor “%s” "
                      "through earlier completed mergers",
                      id, predecessors[j], successor);
              cycle = TRUE;
              continue;
            }
          join_bodies (&bodies, from, to);
        }

      if (to != G_MAXUINT && !cycle && g_ptr_array_index (dissolved_by, to) != NULL)
        {
          HistoryStep *earlier = g_ptr_array_index (dissolved_by, to);
          g_autofree char *e = klynge_date_to_string (klynge_merger_get_effective (earlier->merger));

          report (&history, record, KLYNGE_ERROR_MERGER_SUCCESSOR_INACTIVE,
                  "merger “%s”: its successor “%s” was already merged into “%s” by "
                  "the completed merger “%s” (effective %s)",
                  id, successor, klynge_merger_get_successor (earlier->merger),
                  klynge_record_get_id (KLYNGE_RECORD (earlier->merger)), e);
        }

      while (found->len < reported->len)
        {
          HistoryProblem problem = { step->index, found->len, g_ptr_array_index (reported, found->len) };
          g_array_append_val (found, problem);
        }
    }

  g_array_sort (found, compare_history_problems);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (sink->problems, g_array_index (found, HistoryProblem, i).problem);
}

void
_klynge_landscape_check_consistency (KlyngeLandscape *self,
                                     const char      *file,
                                     GPtrArray       *problems)
{
  ProblemSink sink = { self, file, problems };

  check_contracts (&sink);
  check_mergers (&sink);
  check_history (&sink);
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
