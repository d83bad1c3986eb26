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
#include "klynge-membership-store-private.h"
#include "klynge-reloadable-private.h"
#include "klynge-validate-private.h"

typedef struct {
  KlyngeLandscape *self;
  const char *file;
  GPtrArray *problems;
} ProblemSink;

/* A problem about @record, at @line (its own when 0). */
static void
report_severity (ProblemSink    *sink,
                 KlyngeSeverity  severity,
                 KlyngeRecord   *record,
                 guint           line,
                 int             code,
                 const char     *format,
                 va_list         args) G_GNUC_PRINTF (6, 0);

static void
report_severity (ProblemSink    *sink,
                 KlyngeSeverity  severity,
                 KlyngeRecord   *record,
                 guint           line,
                 int             code,
                 const char     *format,
                 va_list         args)
{
  g_ptr_array_add (sink->problems,
                   _klynge_problem_new_severity_valist (severity, code, sink->file,
                                                        line != 0 ? line : klynge_record_get_line (record),
                                                        klynge_record_get_id (record), format, args));
}

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
  report_severity (sink, KLYNGE_SEVERITY_ERROR, record, 0, code, format, args);
  va_end (args);
}

static void
report_at (ProblemSink    *sink,
           KlyngeSeverity  severity,
           KlyngeRecord   *record,
           guint           line,
           int             code,
           const char     *format,
           ...) G_GNUC_PRINTF (6, 7);

static void
report_at (ProblemSink    *sink,
           KlyngeSeverity  severity,
           KlyngeRecord   *record,
           guint           line,
           int             code,
           const char     *format,
           ...)
{
  va_list args;

  va_start (args, format);
  report_severity (sink, severity, record, line, code, format, args);
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
      /* a transfer's givers live on; a cancelled merger changes nothing */
      if (!_klynge_merger_ends_predecessors (merger))
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

/* The completed mergers of @self in the order they took effect. */
static GArray *
completed_steps (KlyngeLandscape *self)
{
  GPtrArray *mergers = self->mergers;
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (HistoryStep));

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
  return steps;
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
 * alone, not also as one into a dissolved successor. A transfer ends no
 * body: its givers and its successor must still be active, but it
 * dissolves nothing and links no tree (giving back and forth is no
 * cycle). */
static void
check_history (ProblemSink *sink)
{
  g_autoptr(GArray) steps = completed_steps (sink->self);
  g_autoptr(GPtrArray) reported = g_ptr_array_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (HistoryProblem));
  ProblemSink history = { sink->self, sink->file, reported };
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) parent = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) size = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) dissolved_by = g_ptr_array_new ();
  HistoryBodies bodies = { numbers, parent, size, dissolved_by };

  for (guint i = 0; i < steps->len; i++)
    {
      HistoryStep *step = &g_array_index (steps, HistoryStep, i);
      const char *id = klynge_record_get_id (KLYNGE_RECORD (step->merger));
      const char *successor = klynge_merger_get_successor (step->merger);
      const char * const *predecessors = klynge_merger_get_predecessors (step->merger);
      KlyngeRecord *record = KLYNGE_RECORD (step->merger);
      guint to = successor != NULL ? body_number (&bodies, successor) : G_MAXUINT;
      gboolean cycle = FALSE;
      gboolean ends = _klynge_merger_ends_predecessors (step->merger);

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
          if (!ends)
            continue;
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

/* --- lifetimes ------------------------------------------------------------ */

/* The first and last day of @date, or 0 for both when it is unset. */
static void
date_days (const KlyngeDate *date,
           guint32          *first,
           guint32          *last)
{
  gboolean set = date != NULL && klynge_date_is_set (date);

  *first = set ? klynge_date_get_first_day (date) : 0;
  *last = set ? klynge_date_get_last_day (date) : 0;
}

KlyngeLifetimeFindings
_klynge_lifetime_check (const KlyngeLifespan *life,
                        const KlyngeDate     *since,
                        const KlyngeDate     *until)
{
  KlyngeLifetimeFindings findings = 0;
  guint32 since_first, since_last, until_first, until_last;

  date_days (since, &since_first, &since_last);
  date_days (until, &until_first, &until_last);

  /* the earliest day it can have ended on is a day it certainly ran on
   * (without an until, its first day is the only such day) */
  if (life->dissolved != 0 && MAX (since_first, until_first) > life->dissolved)
    findings |= KLYNGE_LIFETIME_AFTER_DISSOLUTION;

  /* likewise the latest day it can have begun on (or, when that is
   * later, the latest it can have ended on; its until, when it has no
   * since) */
  if (since_last == 0 || (until_last != 0 && until_last < since_last))
    since_last = until_last;
  if (life->founded != 0 && since_last != 0 && since_last < life->founded)
    findings |= KLYNGE_LIFETIME_BEFORE_FOUNDING;
  return findings;
}

/* The earlier of two founding days, where 0 (not known) could be any
 * day, so it wins. */
static guint32
earlier_founding (guint32 a,
                  guint32 b)
{
  return a == 0 || b == 0 ? 0 : MIN (a, b);
}

/* The lifespan of every organisation, by its position. A successor
 * continues the bodies it took in by completed mergers: their members
 * keep their earliest since and their contracts move whole
 * (klynge_landscape_apply_merger()), so what began before the successor
 * was founded is its history too as long as a body it continues existed.
 * The mergers are taken in the order they took effect, so that the
 * earliest founding day passes along a chain of them; one pass, after a
 * sort. */
static KlyngeLifespan *
compute_lifespans (KlyngeLandscape *self)
{
  GPtrArray *organisations = self->organisations;
  KlyngeLifespan *lives = g_new0 (KlyngeLifespan, MAX (organisations->len, 1));
  g_autoptr(GArray) steps = completed_steps (self);

  for (guint i = 0; i < organisations->len; i++)
    {
      KlyngeOrganisation *organisation = ((KlyngeOrgEntry *) g_ptr_array_index (organisations, i))->organisation;
      guint32 unused;

      date_days (klynge_organisation_get_founded (organisation), &lives[i].founded, &unused);
      date_days (klynge_organisation_get_dissolved (organisation), &unused, &lives[i].dissolved);
    }
  for (guint i = 0; i < steps->len; i++)
    {
      KlyngeMerger *merger = g_array_index (steps, HistoryStep, i).merger;
      const char * const *predecessors = klynge_merger_get_predecessors (merger);
      const char *successor_id = klynge_merger_get_successor (merger);
      KlyngeOrgEntry *successor = successor_id != NULL ? _klynge_landscape_get_org_entry (self, successor_id) : NULL;

      for (guint j = 0; successor != NULL && predecessors[j] != NULL; j++)
        {
          KlyngeOrgEntry *predecessor = _klynge_landscape_get_org_entry (self, predecessors[j]);

          if (predecessor != NULL && predecessor != successor)
            lives[successor->index].founded = earlier_founding (lives[successor->index].founded,
                                                                lives[predecessor->index].founded);
        }
    }
  return lives;
}

/* "2019-10-01 to 2021", "since 2019", "until 2021", for the messages. */
static char *
span_string (const KlyngeDate *since,
             const KlyngeDate *until)
{
  g_autofree char *a = since != NULL ? klynge_date_to_string (since) : g_strdup ("");
  g_autofree char *b = until != NULL ? klynge_date_to_string (until) : g_strdup ("");

  if (*a != '\0' && *b != '\0')
    return g_strdup_printf ("%s to %s", a, b);
  if (*a != '\0')
    return g_strdup_printf ("since %s", a);
  return g_strdup_printf ("until %s", b);
}

/* What one kind of thing is called in the messages, and its two codes. */
typedef struct {
  const char *what;
  int after_code;
  int before_code;
} LifetimeKind;

static const LifetimeKind membership_kind = {
  "membership", KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION, KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING
};
static const LifetimeKind contract_kind = {
  "contract", KLYNGE_ERROR_CONTRACT_AFTER_DISSOLUTION, KLYNGE_ERROR_CONTRACT_BEFORE_FOUNDING
};
static const LifetimeKind initiative_kind = {
  "hosted initiative", KLYNGE_ERROR_INITIATIVE_AFTER_DISSOLUTION, KLYNGE_ERROR_INITIATIVE_BEFORE_FOUNDING
};
static const LifetimeKind participation_kind = {
  "participation", KLYNGE_ERROR_PARTICIPATION_AFTER_DISSOLUTION, KLYNGE_ERROR_PARTICIPATION_BEFORE_FOUNDING
};
static const LifetimeKind designation_kind = {
  "designation", KLYNGE_ERROR_DESIGNATION_AFTER_DISSOLUTION, KLYNGE_ERROR_DESIGNATION_BEFORE_FOUNDING
};
static const LifetimeKind label_kind = {
  "label", KLYNGE_ERROR_LABEL_AFTER_DISSOLUTION, KLYNGE_ERROR_LABEL_BEFORE_FOUNDING
};

/* Reports @findings about @record (at @line; its own when 0), a @kind
 * (@name describes which) that ran from @since to @until against
 * @organisation's life. */
static void
report_lifetime (ProblemSink          *sink,
                 KlyngeRecord         *record,
                 guint                 line,
                 const LifetimeKind   *kind,
                 const char           *name,
                 KlyngeOrganisation   *organisation,
                 KlyngeLifetimeFindings findings,
                 const KlyngeDate     *since,
                 const KlyngeDate     *until)
{
  const char *id = klynge_record_get_id (KLYNGE_RECORD (organisation));
  g_autofree char *span = NULL;

  if (findings == 0)
    return;
  span = span_string (since, until);
  if (findings & KLYNGE_LIFETIME_AFTER_DISSOLUTION)
    {
      g_autofree char *d = klynge_date_to_string (klynge_organisation_get_dissolved (organisation));

      report_at (sink, KLYNGE_SEVERITY_ERROR, record, line, kind->after_code,
                 "%s %s (%s) runs after “%s” was dissolved (%s)", kind->what, name, span, id, d);
    }
  if (findings & KLYNGE_LIFETIME_BEFORE_FOUNDING)
    {
      g_autofree char *f = klynge_date_to_string (klynge_organisation_get_founded (organisation));

      report_at (sink, KLYNGE_SEVERITY_WARNING, record, line, kind->before_code,
                 "%s %s (%s) starts before “%s” was founded (%s)", kind->what, name, span, id, f);
    }
}

/* The days a membership certainly covers, [start, end]: from the last
 * day its since can stand for to the first day its until can; with no
 * until it goes on (as every query reads it), and with no since only its
 * until day is certain. Empty (start > end) when neither is set. */
static void
membership_core (const KlyngeMembershipSlot *slot,
                 guint32                    *start,
                 guint32                    *end)
{
  KlyngeDate since, until;
  guint32 since_first, since_last, until_first, until_last;

  _klynge_membership_slot_get_dates (slot, &since, &until);
  date_days (&since, &since_first, &since_last);
  date_days (&until, &until_first, &until_last);
  *end = until_first != 0 ? until_first : since_last != 0 ? G_MAXUINT32 : 0;
  *start = since_last != 0 ? since_last : until_first != 0 ? until_first : 1;
}

/* Each organisation's memberships against its life, and each member's
 * memberships of it against each other. The memberships are sorted by
 * (member, since), so one walk finds the overlaps: for each member it
 * keeps the membership that certainly lasts longest so far, and a later
 * one that certainly begins before that ends overlaps it. A member's id is
 * read only for a problem: reading it for each of millions of memberships
 * would cost a cache miss each. A problem carries the membership's line
 * where the store kept it (a load to be validated), else the
 * organisation's. */
static void
check_memberships (ProblemSink          *sink,
                   const KlyngeLifespan *lives)
{
  GPtrArray *organisations = sink->self->organisations;

  for (guint i = 0; i < organisations->len; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (organisations, i);
      KlyngeRecord *record = KLYNGE_RECORD (entry->organisation);
      const KlyngeMembershipSlot *slots;
      guint n;
      guint32 longest_start = 0, longest_end = 0;

      slots = _klynge_membership_store_org_slots (entry, &n);
      for (guint j = 0; j < n; j++)
        {
          guint32 start, end;

          if (lives[i].founded != 0 || lives[i].dissolved != 0)
            {
              KlyngeDate since, until;
              KlyngeLifetimeFindings findings;

              _klynge_membership_slot_get_dates (&slots[j], &since, &until);
              findings = _klynge_lifetime_check (&lives[i], &since, &until);
              if (findings != 0)
                {
                  g_autofree char *name = g_strdup_printf ("of “%s”",
                                                           _klynge_landscape_member_id (sink->self, slots[j].member));

                  report_lifetime (sink, record, _klynge_membership_store_slot_line (entry, j),
                                   &membership_kind, name, entry->organisation, findings, &since, &until);
                }
            }

          membership_core (&slots[j], &start, &end);
          if (start > end)
            continue;
          if (j == 0 || slots[j - 1].member != slots[j].member)
            longest_start = longest_end = 0;
          else if (start <= longest_end && longest_start <= end && longest_start != 0)
            {
              KlyngeDate since, until;
              g_autofree char *span = NULL;

              _klynge_membership_slot_get_dates (&slots[j], &since, &until);
              span = span_string (&since, &until);
              report_at (sink, KLYNGE_SEVERITY_ERROR, record, _klynge_membership_store_slot_line (entry, j),
                         KLYNGE_ERROR_MEMBERSHIP_OVERLAP,
                         "member “%s” has overlapping memberships of “%s”: the one %s "
                         "begins before an earlier one ends",
                         _klynge_landscape_member_id (sink->self, slots[j].member),
                         klynge_record_get_id (record), span);
            }
          if (longest_start == 0 || end > longest_end)
            {
              longest_start = start;
              longest_end = end;
            }
        }
    }
}

static void
check_labels (ProblemSink          *sink,
              const KlyngeLifespan *lives)
{
  GPtrArray *organisations = sink->self->organisations;

  for (guint i = 0; i < organisations->len; i++)
    {
      KlyngeOrganisation *organisation = ((KlyngeOrgEntry *) g_ptr_array_index (organisations, i))->organisation;
      GPtrArray *labels = klynge_organisation_get_labels (organisation);

      for (guint j = 0; j < labels->len; j++)
        {
          KlyngeLabel *label = g_ptr_array_index (labels, j);
          const KlyngeDate *awarded = klynge_label_get_awarded (label);
          const KlyngeDate *until = klynge_label_get_valid_until (label);
          const char *level = klynge_enum_to_nick (KLYNGE_TYPE_LABEL_LEVEL, klynge_label_get_level (label));

          /* a label runs from its award to the end of its validity */
          report_lifetime (sink, KLYNGE_RECORD (organisation), klynge_label_get_line (label),
                           &label_kind, level, organisation,
                           _klynge_lifetime_check (&lives[i], awarded, until), awarded, until);
        }
    }
}

/* The organisation @id names and its lifespan; NULL when it names none
 * (check_references() reports that). */
static KlyngeOrganisation *
lifespan_of (ProblemSink          *sink,
             const KlyngeLifespan *lives,
             const char           *id,
             const KlyngeLifespan **life)
{
  KlyngeOrgEntry *entry = id != NULL ? _klynge_landscape_get_org_entry (sink->self, id) : NULL;

  if (entry == NULL)
    return NULL;
  *life = &lives[entry->index];
  return entry->organisation;
}

static void
check_contract_lifetimes (ProblemSink          *sink,
                          const KlyngeLifespan *lives)
{
  GPtrArray *contracts = sink->self->contracts;

  for (guint i = 0; i < contracts->len; i++)
    {
      KlyngeContract *contract = g_ptr_array_index (contracts, i);
      const KlyngePeriod *period = klynge_contract_get_period (contract);
      const KlyngeLifespan *life;
      KlyngeOrganisation *holder = lifespan_of (sink, lives, klynge_contract_get_holder (contract), &life);
      g_autofree char *name = NULL;

      if (holder == NULL)
        continue;
      name = g_strdup_printf ("“%s”", klynge_record_get_id (KLYNGE_RECORD (contract)));
      report_lifetime (sink, KLYNGE_RECORD (contract), 0, &contract_kind, name, holder,
                       _klynge_lifetime_check (life, &period->start, &period->end),
                       &period->start, &period->end);
    }
}

/* A hosted initiative runs within its host's life. A participant need
 * only have existed at some time the initiative ran: it participated
 * after its dissolution when the initiative began after it, and before
 * its founding when the initiative ended before it. */
static void
check_initiative_lifetimes (ProblemSink          *sink,
                            const KlyngeLifespan *lives)
{
  GPtrArray *initiatives = sink->self->initiatives;

  for (guint i = 0; i < initiatives->len; i++)
    {
      KlyngeInitiative *initiative = g_ptr_array_index (initiatives, i);
      KlyngeRecord *record = KLYNGE_RECORD (initiative);
      const KlyngeDate *start = klynge_initiative_get_start (initiative);
      const KlyngeDate *end = klynge_initiative_get_end (initiative);
      const char * const *participants = klynge_initiative_get_participants (initiative);
      g_autofree char *name = g_strdup_printf ("“%s”", klynge_record_get_id (record));
      const KlyngeLifespan *life;
      KlyngeOrganisation *organisation;

      organisation = lifespan_of (sink, lives, klynge_initiative_get_host (initiative), &life);
      if (organisation != NULL)
        report_lifetime (sink, record, 0, &initiative_kind, name, organisation,
                         _klynge_lifetime_check (life, start, end), start, end);

      for (guint j = 0; participants != NULL && participants[j] != NULL; j++)
        {
          KlyngeLifetimeFindings findings;
          g_autofree char *in = NULL;

          /* a member (company) has no lifetime in the landscape */
          if (klynge_initiative_participant_is_member (initiative, j))
            continue;
          organisation = lifespan_of (sink, lives, participants[j], &life);
          if (organisation == NULL)
            continue;
          findings = (_klynge_lifetime_check (life, start, NULL) & KLYNGE_LIFETIME_AFTER_DISSOLUTION)
                     | (_klynge_lifetime_check (life, NULL, klynge_date_is_set (end) ? end : start)
                        & KLYNGE_LIFETIME_BEFORE_FOUNDING);
          in = g_strdup_printf ("of “%s” in “%s”", participants[j], klynge_record_get_id (record));
          report_lifetime (sink, record, _klynge_initiative_get_participant_line (initiative, j),
                           &participation_kind, in, organisation, findings, start, end);
        }
    }
}

/* Designations have lines of their own: their problems carry them. */
static void
check_designation_lifetimes (ProblemSink          *sink,
                             const KlyngeLifespan *lives)
{
  GPtrArray *programmes = sink->self->programmes;

  for (guint i = 0; i < programmes->len; i++)
    {
      KlyngeProgramme *programme = g_ptr_array_index (programmes, i);
      GPtrArray *designations = klynge_programme_get_designations (programme);

      for (guint j = 0; j < designations->len; j++)
        {
          KlyngeDesignation *designation = g_ptr_array_index (designations, j);
          const char *id = klynge_designation_get_organisation (designation);
          const KlyngeDate *start = klynge_designation_get_start (designation);
          const KlyngeDate *end = klynge_designation_get_end (designation);
          const KlyngeLifespan *life;
          KlyngeOrganisation *organisation = lifespan_of (sink, lives, id, &life);
          g_autofree char *name = NULL;

          if (organisation == NULL)
            continue;
          name = g_strdup_printf ("of “%s” by “%s”", id, klynge_record_get_id (KLYNGE_RECORD (programme)));
          report_lifetime (sink, KLYNGE_RECORD (programme), klynge_designation_get_line (designation),
                           &designation_kind, name, organisation,
                           _klynge_lifetime_check (life, start, end), start, end);
        }
    }
}

typedef struct {
  ProblemSink *sink;
  GHashTable *seen;     /* value → GPtrArray of record, identifier, ... */
} IdentifierCheck;

static void
check_identifiers_of (gpointer record,
                      gpointer user_data)
{
  IdentifierCheck *check = user_data;
  GPtrArray *identifiers = _klynge_record_get_identifiers (record);

  for (guint i = 0; identifiers != NULL && i < identifiers->len; i++)
    {
      KlyngeIdentifier *identifier = g_ptr_array_index (identifiers, i);
      const char *value = klynge_identifier_get_value (identifier);
      GPtrArray *earlier = g_hash_table_lookup (check->seen, value);

      if (earlier == NULL)
        {
          earlier = g_ptr_array_new ();
          g_hash_table_insert (check->seen, (gpointer) value, earlier);
        }
      for (guint j = 0; j < earlier->len; j += 2)
        if (g_ptr_array_index (earlier, j) != record &&
            _klynge_identifiers_overlap (g_ptr_array_index (earlier, j + 1), identifier))
          {
            report_at (check->sink, KLYNGE_SEVERITY_ERROR, record, klynge_identifier_get_line (identifier),
                       KLYNGE_ERROR_DUPLICATE_IDENTIFIER,
                       "“%s” and “%s” both have the %s identifier “%s” at the same time",
                       klynge_record_get_id (g_ptr_array_index (earlier, j)), klynge_record_get_id (record),
                       _klynge_enum_to_nick (KLYNGE_TYPE_IDENTIFIER_SCHEME,
                                             klynge_identifier_get_scheme (identifier)),
                       value);
            break;
          }
      g_ptr_array_add (earlier, record);
      g_ptr_array_add (earlier, identifier);
    }
}

/* An identifier names one body at a time: two records with the same
 * scheme and value on a common day are an error, reported at the later
 * one's <identifier>. Only a certain overlap counts (see
 * klynge_identifier_is_valid_on()). An organisation's `cvr` attribute is
 * not checked: it carries no dates, and the records of a renamed body may
 * both hold it. Records carry a few identifiers each, so every one is set
 * against the earlier ones of the same value. */
static void
check_identifiers (ProblemSink *sink)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_ptr_array_unref);
  IdentifierCheck check = { sink, seen };

  _klynge_landscape_foreach_record (sink->self, check_identifiers_of, &check);
}

static void
check_lifetimes (ProblemSink *sink)
{
  g_autofree KlyngeLifespan *lives = compute_lifespans (sink->self);

  check_labels (sink, lives);
  check_memberships (sink, lives);
  check_contract_lifetimes (sink, lives);
  check_initiative_lifetimes (sink, lives);
  check_designation_lifetimes (sink, lives);
}

static void
check_initiatives (ProblemSink *sink)
{
  GPtrArray *initiatives = sink->self->initiatives;

  for (guint i = 0; i < initiatives->len; i++)
    {
      KlyngeInitiative *initiative = g_ptr_array_index (initiatives, i);
      g_autoptr(GError) error = NULL;

      if (!_klynge_initiative_check_participants_count (initiative, &error))
        report (sink, KLYNGE_RECORD (initiative), error->code, "%s", error->message);
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
  check_initiatives (&sink);
  check_history (&sink);
  check_lifetimes (&sink);
  check_identifiers (&sink);
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
 * dates, only a certain contradiction is reported), and that an
 * initiative states no fewer participants than it lists
 * (%KLYNGE_ERROR_PARTICIPANTS_COUNT_TOO_LOW).
 *
 * It also checks lifetimes. A membership, label (from `awarded` to
 * `valid-until`), contract (against its holder), hosted initiative
 * (against its host) or programme designation that runs after its organisation's dissolution is an
 * error, and one that begins before its founding a warning
 * (%KLYNGE_SEVERITY_WARNING: bodies are funded while being formed), each
 * kind with its own code (%KLYNGE_ERROR_MEMBERSHIP_AFTER_DISSOLUTION,
 * %KLYNGE_ERROR_MEMBERSHIP_BEFORE_FOUNDING and so on). An initiative's
 * participant organisation need only have existed at some time the
 * initiative ran (a member participant has no lifetime to check):
 * %KLYNGE_ERROR_PARTICIPATION_AFTER_DISSOLUTION when the initiative began
 * after the participant's dissolution,
 * %KLYNGE_ERROR_PARTICIPATION_BEFORE_FOUNDING (a warning) when it ended
 * before its founding. Only a certain contradiction counts: a partial date
 * stands for any day of it, so a membership until `2021-03` of an
 * organisation dissolved in `2021` is no finding, while one since `2022`
 * of an organisation dissolved on `2021-06-30` is. A missing date is not
 * stated: a membership without `until` of a dissolved organisation
 * ended by the dissolution at the latest and is checked by its `since`
 * alone; an organisation without a founding date has no "before" finding.
 * A successor of completed mergers continues its predecessors (it keeps
 * their members' earliest `since` and their contracts whole, see
 * klynge_landscape_apply_merger()), so "before its founding" means before
 * the earliest founding of the bodies it continues. Two memberships of one
 * member in one organisation that certainly share a day are an error,
 * %KLYNGE_ERROR_MEMBERSHIP_OVERLAP (a membership without `until` goes
 * on). Two records with the same identifier (scheme and value) that are
 * certainly valid on a common day are an error,
 * %KLYNGE_ERROR_DUPLICATE_IDENTIFIER, at the later `<identifier>`.
 *
 * A problem carries the line of the element it is about and the id of
 * the record that holds it: a label's, its `<label>` and its
 * organisation; a participation's, its `<participant>` and the
 * initiative; a designation's, its `<designation>` and the programme
 * (where it was not loaded, the record's line). A membership keeps no
 * line in a landscape (a line each would cost the memberships a third
 * more memory), so here a membership's problem carries its
 * organisation's line and id; klynge_landscape_validate_file() and
 * `klynge validate`, which read the file only to check it, give the
 * `<membership>`'s own line.
 *
 * Returns: (transfer container) (element-type KlyngeProblem): every problem
 *   found, in landscape order; empty when there is none. Errors and
 *   warnings are told apart by klynge_problem_get_severity(). The array
 *   frees its elements.
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
