/* klynge-xml-bulk.c: members and memberships in bulk
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Memberships are the bulk of a large landscape. The reader hands each
 * one over with its values as libxml2 gave them (or, from its general
 * path, already checked); they are gathered in batches, and a batch is
 * checked as a whole, on a second thread (the worker) for a large
 * document, so that the member look-ups overlap their cache misses with
 * each other and with the parse. An organisation's memberships are
 * sorted when it ends, which is also when duplicates show, and stored.
 * What fails comes back as values (KlyngeXmlFailure), in document order,
 * from _klynge_xml_bulk_sync(); the bulk path never calls the reader.
 *
 * Ordering: the worker reads the member table while the parse goes on.
 * That is safe because the format puts <members> before <organisations>
 * (the landscape's row in the reader's table), so in a valid order no
 * member is added while memberships are pending. Should a member come
 * later all the same, _klynge_xml_bulk_add_member() first lets the worker
 * finish and does the pending look-ups before the member exists, as a
 * single thread would have.
 */
#include "config.h"

#include <string.h>

#include "klynge-lock-private.h"
#include "klynge-xml-reader-private.h"

/* A membership handed over and not checked yet: where its values stand
 * in Batch.text (a length of NO_VALUE for an attribute that is not
 * there), or, from the reader's general path, the checked slot. */
typedef struct {
  union {
    struct {
      guint32 offsets[KLYNGE_XML_N_MEMBERSHIP_VALUES];
      guint32 lengths[KLYNGE_XML_N_MEMBERSHIP_VALUES];
    } raw;
    KlyngeMembershipSlot checked;
  } u;
  guint line;
  gboolean is_checked;
} Deferred;

#define NO_VALUE G_MAXUINT32

/* The memberships of one organisation within a batch. */
typedef struct {
  KlyngeOrgEntry *entry;
  KlyngeRecord *record;  /* the organisation, for the failures */
  guint first;           /* its first in Batch.deferred */
  gboolean end;          /* the organisation ends after them */
} Segment;

typedef struct {
  GArray *deferred;      /* Deferred */
  GString *text;
  GArray *segments;      /* Segment */
} Batch;

/* A membership of the organisation being finished, with its line, so
 * that a duplicate is reported where it stands. */
typedef struct {
  KlyngeMembershipSlot slot;
  guint line;
} Pending;

/* posted at this many memberships, or organisations */
#define BATCH_SIZE 1024
#define BATCH_SEGMENTS 256
/* batches posted and not yet done, at most */
#define MAX_QUEUED 64

struct _KlyngeXmlBulk
{
  KlyngeLandscape *landscape;
  gboolean threaded;
  gboolean keep_lines;          /* the load is to be validated */
  guint batch_size;             /* memberships, at most BATCH_SIZE */
  guint batch_segments;         /* organisations */

  Batch *batch;                 /* parsing thread: being filled */
  gboolean undrained;           /* parsing thread: handed over since drain() */
  GThread *worker;
  KlyngeLock lock;
  GCond cond;
  GQueue queue;                 /* (lock) Batch, posted, not yet taken */
  GQueue spare;                 /* (lock) Batch, done, for reuse */
  guint n_posted;               /* (lock) */
  guint n_done;                 /* (lock) */
  gboolean quit;                /* (lock) */
  gboolean worker_waits;        /* (lock) for work */
  gboolean parser_waits;        /* (lock) for the worker */

  /* the worker's while it runs, the parsing thread's after drain() */
  GArray *pending;              /* Pending */
  KlyngeMemberQuery *queries;   /* BATCH_SIZE of them */
  GArray *failures;             /* KlyngeXmlFailure */
  GString *decoded;
  guint stored;                 /* memberships stored since the last sync */
};

/* --- the store ------------------------------------------------------------ */

/* The only places the bulk path writes the landscape's storage. */

static inline void
store_membership (KlyngeXmlBulk              *bulk,
                  KlyngeOrgEntry             *entry,
                  const KlyngeMembershipSlot *slot)
{
  _klynge_membership_store_append_uncounted (entry, slot);
  bulk->stored++;
}

static void
commit_memberships (KlyngeXmlBulk *bulk)
{
  if (bulk->stored == 0)
    return;
  _klynge_membership_store_count_appended (&bulk->landscape->store, bulk->stored);
  bulk->stored = 0;
}

/* --- the rules ------------------------------------------------------------ */

void
_klynge_xml_failure_clear (KlyngeXmlFailure *failure)
{
  g_clear_pointer (&failure->message, g_free);
  g_clear_pointer (&failure->member, g_free);
}

/* An enum attribute of a membership, not NUL-terminated; absent, the
 * default (0), which is written only when @zero_is_written. */
static gboolean
membership_enum (const KlyngeXmlMembershipValues *values,
                 guint                            v,
                 GType                            type,
                 const char                      *name,
                 gboolean                         zero_is_written,
                 int                             *out,
                 KlyngeXmlFailure                *failure)
{
  gsize length = values->lengths[v];

  *out = 0;
  if (values->values[v] == NULL)
    return TRUE;
  if (_klynge_enum_from_nick_len (type, values->values[v], length, out) && (*out != 0 || zero_is_written))
    return TRUE;
  *out = 0;
  failure->code = KLYNGE_ERROR_BAD_ENUM;
  failure->message = g_strdup_printf ("“%.*s” is not a valid %s", (int) length, values->values[v], name);
  return FALSE;
}

/**
 * _klynge_xml_check_membership:
 * @values: the values, with every '&' decoded
 * @found: whether the member was found
 * @member: its slot, when found
 * @slot: (out): the membership, on success
 * @failure: (out): what is wrong, otherwise (code and message only)
 *
 * The checks of a <membership>, for the reader's general path and the
 * bulk path alike: the member, the dates, the period, the role and the
 * end reason (which needs an until date). The caller looks
 * the member up, in whichever way suits it.
 *
 * Returns: %TRUE when the membership is good
 */
gboolean
_klynge_xml_check_membership (const KlyngeXmlMembershipValues *values,
                              gboolean                         found,
                              guint32                          member,
                              KlyngeMembershipSlot            *slot,
                              KlyngeXmlFailure                *failure)
{
  static const guint dates_at[2] = { KLYNGE_XML_MEMBERSHIP_SINCE, KLYNGE_XML_MEMBERSHIP_UNTIL };
  const char *id = values->values[KLYNGE_XML_MEMBERSHIP_MEMBER];
  gsize id_length = values->lengths[KLYNGE_XML_MEMBERSHIP_MEMBER];
  KlyngeDate dates[2];
  int role, end;
  GError *error = NULL;

  if (!found)
    {
      failure->member = g_strndup (id, id_length);
      if (klynge_id_is_valid (failure->member))
        failure->code = KLYNGE_ERROR_UNRESOLVED_REFERENCE;
      else
        {
          failure->code = KLYNGE_ERROR_BAD_ID;
          failure->message = g_strdup_printf (KLYNGE_XML_BAD_ID_FORMAT, failure->member, "member");
          g_clear_pointer (&failure->member, g_free);
        }
      return FALSE;
    }
  for (guint d = 0; d < 2; d++)
    {
      const char *text = values->values[dates_at[d]];

      memset (&dates[d], 0, sizeof dates[d]);
      if (text != NULL
          && !klynge_date_parse_len (text, (gssize) values->lengths[dates_at[d]], &dates[d], &error))
        {
          failure->code = error->code;
          failure->message = g_strdup (error->message);
          g_error_free (error);
          return FALSE;
        }
    }
  if (klynge_date_is_set (&dates[0]) && klynge_date_is_set (&dates[1])
      && klynge_date_get_last_day (&dates[1]) < klynge_date_get_first_day (&dates[0]))
    {
      failure->code = KLYNGE_ERROR_BAD_PERIOD;
      failure->message =
        g_strdup_printf ("membership of “%.*s” ends (%.*s) before it begins (%.*s)",
                         (int) id_length, id,
                         (int) values->lengths[KLYNGE_XML_MEMBERSHIP_UNTIL],
                         values->values[KLYNGE_XML_MEMBERSHIP_UNTIL],
                         (int) values->lengths[KLYNGE_XML_MEMBERSHIP_SINCE],
                         values->values[KLYNGE_XML_MEMBERSHIP_SINCE]);
      return FALSE;
    }
  if (!membership_enum (values, KLYNGE_XML_MEMBERSHIP_ROLE, KLYNGE_TYPE_MEMBERSHIP_ROLE, "role", TRUE, &role, failure)
      || !membership_enum (values, KLYNGE_XML_MEMBERSHIP_END, KLYNGE_TYPE_MEMBERSHIP_END, "end", FALSE, &end, failure))
    return FALSE;
  if (end != KLYNGE_MEMBERSHIP_END_NONE)
    {
      g_autofree char *id_text = g_strndup (id, id_length);

      if (!_klynge_membership_check_end (id_text, &dates[1], end, &error))
        {
          failure->code = error->code;
          failure->message = g_strdup (error->message);
          g_error_free (error);
          return FALSE;
        }
    }
  _klynge_membership_slot_init (slot, member, &dates[0], &dates[1], role, end);
  return TRUE;
}

/* --- batches ------------------------------------------------------------- */

static Batch *
take_batch (KlyngeXmlBulk *bulk)
{
  Batch *batch;

  _klynge_lock_acquire (&bulk->lock);
  batch = g_queue_pop_head (&bulk->spare);
  _klynge_lock_release (&bulk->lock);
  if (batch == NULL)
    {
      batch = g_new0 (Batch, 1);
      batch->deferred = g_array_sized_new (FALSE, FALSE, sizeof (Deferred), BATCH_SIZE);
      batch->text = g_string_sized_new (32 * BATCH_SIZE);
      batch->segments = g_array_sized_new (FALSE, FALSE, sizeof (Segment), BATCH_SEGMENTS);
    }
  g_array_set_size (batch->deferred, 0);
  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->segments, 0);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_array_unref (batch->deferred);
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->segments);
  g_free (batch);
}

/* The segment of @entry in the batch being filled. */
static Segment *
current_segment (KlyngeXmlBulk  *bulk,
                 KlyngeOrgEntry *entry,
                 KlyngeRecord   *record)
{
  Segment *last;

  if (bulk->batch == NULL)
    bulk->batch = take_batch (bulk);
  bulk->undrained = TRUE;
  last = bulk->batch->segments->len > 0
    ? &g_array_index (bulk->batch->segments, Segment, bulk->batch->segments->len - 1) : NULL;
  if (last == NULL || last->end || last->entry != entry)
    {
      Segment segment = { entry, record, bulk->batch->deferred->len, FALSE };

      g_array_append_val (bulk->batch->segments, segment);
      last = &g_array_index (bulk->batch->segments, Segment, bulk->batch->segments->len - 1);
    }
  return last;
}

/* --- checking a batch, on the worker -------------------------------------- */

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *x = a, *y = b;
  int cmp = _klynge_membership_slot_compare (&x->slot, &y->slot);

  if (cmp != 0)
    return cmp;
  return x->line < y->line ? -1 : x->line > y->line;
}

static void
add_failure (KlyngeXmlBulk    *bulk,
             Segment          *segment,
             KlyngeXmlFailure *failure,
             guint             line)
{
  failure->line = line;
  failure->entry = segment->entry;
  failure->record = segment->record;
  g_array_append_val (bulk->failures, *failure);
}

/* Whether the sorted pending membership at @i has the member and since
 * of the one before it: it is then not stored. */
static inline gboolean
pending_is_duplicate (GArray *pending,
                      guint   i)
{
  return i > 0 && _klynge_membership_slot_compare (&g_array_index (pending, Pending, i).slot,
                                                   &g_array_index (pending, Pending, i - 1).slot) == 0;
}

/* An organisation has ended: its memberships sorted, duplicates out,
 * and, for a load that is to be validated, their lines kept in step. The
 * lines have a loop of their own so that other loads do no more per
 * membership. */
static void
finish_organisation (KlyngeXmlBulk *bulk,
                     Segment       *segment)
{
  GArray *pending = bulk->pending;
  gboolean sorted = TRUE;

  /* a saved landscape has them in order already */
  for (guint i = 1; i < pending->len && sorted; i++)
    sorted = compare_pending (&g_array_index (pending, Pending, i - 1),
                              &g_array_index (pending, Pending, i)) < 0;
  if (!sorted)
    g_array_sort (pending, compare_pending);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      if (pending_is_duplicate (pending, i))
        {
          KlyngeXmlFailure failure = { KLYNGE_ERROR_DUPLICATE_MEMBERSHIP, };

          failure.message =
            g_strdup_printf ("member “%s” has a second membership of “%s” since the same date",
                             _klynge_landscape_member_id (bulk->landscape, p->slot.member),
                             klynge_record_get_id (segment->record));
          add_failure (bulk, segment, &failure, p->line);
          continue;
        }
      store_membership (bulk, segment->entry, &p->slot);
    }
  if (G_UNLIKELY (bulk->keep_lines))
    for (guint i = 0; i < pending->len; i++)
      if (!pending_is_duplicate (pending, i))
        _klynge_membership_store_append_line (segment->entry, g_array_index (pending, Pending, i).line);
  g_array_set_size (pending, 0);
}

/* The values of @d; decoded into bulk->decoded when one holds a '&',
 * which libxml2 leaves as "&#38;" (see _klynge_xml_decode_attribute()). */
static void
deferred_values (KlyngeXmlBulk             *bulk,
                 Batch                     *batch,
                 const Deferred            *d,
                 KlyngeXmlMembershipValues *values)
{
  gboolean amp = FALSE;
  gsize offsets[KLYNGE_XML_N_MEMBERSHIP_VALUES];

  for (guint v = 0; v < KLYNGE_XML_N_MEMBERSHIP_VALUES; v++)
    {
      gboolean present = d->u.raw.lengths[v] != NO_VALUE;

      values->values[v] = present ? batch->text->str + d->u.raw.offsets[v] : NULL;
      values->lengths[v] = present ? d->u.raw.lengths[v] : 0;
      amp = amp || (present && memchr (values->values[v], '&', values->lengths[v]) != NULL);
    }
  if (G_LIKELY (!amp))
    return;
  g_string_truncate (bulk->decoded, 0);
  for (guint v = 0; v < KLYNGE_XML_N_MEMBERSHIP_VALUES; v++)
    {
      offsets[v] = bulk->decoded->len;
      if (values->values[v] != NULL)
        _klynge_xml_decode_attribute (bulk->decoded, values->values[v], values->lengths[v]);
      values->lengths[v] = bulk->decoded->len - offsets[v];
    }
  for (guint v = 0; v < KLYNGE_XML_N_MEMBERSHIP_VALUES; v++)
    if (values->values[v] != NULL)
      values->values[v] = bulk->decoded->str + offsets[v];
}

/* Checks the memberships of a batch and finishes the organisations that
 * end in it: on the worker, or on the parsing thread when the worker is
 * idle or there is none. */
static void
process_batch (KlyngeXmlBulk *bulk,
               Batch         *batch)
{
  guint n = batch->deferred->len;
  guint s = 0;

  for (guint i = 0; i < n; i++)
    {
      Deferred *d = &g_array_index (batch->deferred, Deferred, i);

      bulk->queries[i].id = d->is_checked ? "" : batch->text->str + d->u.raw.offsets[0];
      bulk->queries[i].length = d->is_checked ? 0 : d->u.raw.lengths[0];
    }
  _klynge_landscape_find_members (bulk->landscape, bulk->queries, n);
  for (guint i = 0; i <= n; i++)
    {
      KlyngeXmlMembershipValues values;
      KlyngeXmlFailure failure = { 0, };
      Pending pending;
      Deferred *d;

      /* the organisations whose memberships end here */
      while (s < batch->segments->len
             && (s + 1 < batch->segments->len
                 ? g_array_index (batch->segments, Segment, s + 1).first <= i : i == n))
        {
          Segment *segment = &g_array_index (batch->segments, Segment, s);

          if (segment->end)
            finish_organisation (bulk, segment);
          s++;
        }
      if (i == n)
        break;
      d = &g_array_index (batch->deferred, Deferred, i);
      pending.line = d->line;
      if (d->is_checked)
        {
          pending.slot = d->u.checked;
          g_array_append_val (bulk->pending, pending);
          continue;
        }
      deferred_values (bulk, batch, d, &values);
      if (_klynge_xml_check_membership (&values, bulk->queries[i].found, bulk->queries[i].index,
                                        &pending.slot, &failure))
        g_array_append_val (bulk->pending, pending);
      else
        add_failure (bulk, &g_array_index (batch->segments, Segment, s), &failure, d->line);
    }
}

static gpointer
worker_main (gpointer data)
{
  KlyngeXmlBulk *bulk = data;

  _klynge_lock_acquire (&bulk->lock);
  for (;;)
    {
      Batch *batch;

      while (g_queue_is_empty (&bulk->queue) && !bulk->quit)
        {
          bulk->worker_waits = TRUE;
          _klynge_lock_wait (&bulk->lock, &bulk->cond);
          bulk->worker_waits = FALSE;
        }
      batch = g_queue_pop_head (&bulk->queue);
      if (batch == NULL)
        break;
      _klynge_lock_release (&bulk->lock);
      process_batch (bulk, batch);
      _klynge_lock_acquire (&bulk->lock);
      g_queue_push_tail (&bulk->spare, batch);
      bulk->n_done++;
      /* a wake-up is a system call: only when the parse waits */
      if (bulk->parser_waits)
        g_cond_broadcast (&bulk->cond);
    }
  _klynge_lock_release (&bulk->lock);
  return NULL;
}

/* --- the parsing thread's side --------------------------------------------- */

static void
process_here (KlyngeXmlBulk *bulk,
              Batch         *batch)
{
  process_batch (bulk, batch);
  _klynge_lock_acquire (&bulk->lock);
  g_queue_push_tail (&bulk->spare, batch);
  _klynge_lock_release (&bulk->lock);
}

/* Hands the batch being filled over. */
static void
post_batch (KlyngeXmlBulk *bulk)
{
  Batch *batch = bulk->batch;

  if (batch == NULL)
    return;
  bulk->batch = NULL;
  if (!bulk->threaded)
    {
      /* a small document is done before a thread would have started */
      process_here (bulk, batch);
      return;
    }
  if (bulk->worker == NULL)
    bulk->worker = g_thread_new ("klynge-load", worker_main, bulk);
  _klynge_lock_acquire (&bulk->lock);
  /* a worker kept from running must not make the queue grow and grow */
  while (bulk->n_posted - bulk->n_done >= MAX_QUEUED)
    {
      bulk->parser_waits = TRUE;
      _klynge_lock_wait (&bulk->lock, &bulk->cond);
      bulk->parser_waits = FALSE;
    }
  g_queue_push_tail (&bulk->queue, batch);
  bulk->n_posted++;
  if (bulk->worker_waits)
    g_cond_broadcast (&bulk->cond);
  _klynge_lock_release (&bulk->lock);
}

/* Until everything handed over is checked; then the worker is idle and
 * its fields are the parsing thread's. */
static void
drain (KlyngeXmlBulk *bulk)
{
  Batch *batch = bulk->batch;
  gboolean idle = TRUE;

  if (bulk->worker != NULL)
    {
      _klynge_lock_acquire (&bulk->lock);
      idle = bulk->n_done == bulk->n_posted;
      _klynge_lock_release (&bulk->lock);
    }
  if (batch != NULL && idle)
    {
      /* the worker has nothing: do the rest here rather than wake it */
      bulk->batch = NULL;
      process_here (bulk, batch);
    }
  else if (batch != NULL)
    post_batch (bulk);
  if (bulk->worker != NULL)
    {
      _klynge_lock_acquire (&bulk->lock);
      while (bulk->n_done != bulk->n_posted)
        {
          bulk->parser_waits = TRUE;
          _klynge_lock_wait (&bulk->lock, &bulk->cond);
          bulk->parser_waits = FALSE;
        }
      _klynge_lock_release (&bulk->lock);
    }
  bulk->undrained = FALSE;
}

KlyngeXmlBulk *
_klynge_xml_bulk_new (KlyngeLandscape *landscape)
{
  KlyngeXmlBulk *bulk = g_new0 (KlyngeXmlBulk, 1);

  bulk->landscape = landscape;
  bulk->batch_size = BATCH_SIZE;
  bulk->batch_segments = BATCH_SEGMENTS;
  bulk->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  bulk->queries = g_new (KlyngeMemberQuery, BATCH_SIZE);
  bulk->failures = g_array_new (FALSE, FALSE, sizeof (KlyngeXmlFailure));
  g_array_set_clear_func (bulk->failures, (GDestroyNotify) _klynge_xml_failure_clear);
  bulk->decoded = g_string_new (NULL);
  _klynge_lock_init (&bulk->lock);
  g_cond_init (&bulk->cond);
  return bulk;
}

/* Whether batches go to a worker thread; before the first is handed over. */
void
_klynge_xml_bulk_set_threaded (KlyngeXmlBulk *bulk,
                               gboolean       threaded)
{
  g_return_if_fail (bulk->worker == NULL);
  bulk->threaded = threaded;
}

/* Whether the store keeps each membership's line, for validation
 * (KlyngeOrgEntry); before the first is handed over. */
void
_klynge_xml_bulk_set_keep_lines (KlyngeXmlBulk *bulk,
                                 gboolean       keep_lines)
{
  g_return_if_fail (bulk->worker == NULL);
  bulk->keep_lines = keep_lines;
}

/* For tests: batches of one membership or organisation, so that the
 * worker checks every one, however small the document. */
void
_klynge_xml_bulk_set_tiny_batches (KlyngeXmlBulk *bulk)
{
  bulk->batch_size = 1;
  bulk->batch_segments = 1;
}

void
_klynge_xml_bulk_free (KlyngeXmlBulk *bulk)
{
  if (bulk->worker != NULL)
    {
      _klynge_lock_acquire (&bulk->lock);
      bulk->quit = TRUE;
      g_cond_broadcast (&bulk->cond);
      _klynge_lock_release (&bulk->lock);
      g_thread_join (bulk->worker);
    }
  g_clear_pointer (&bulk->batch, batch_free);
  g_queue_clear_full (&bulk->queue, batch_free);
  g_queue_clear_full (&bulk->spare, batch_free);
  g_array_unref (bulk->pending);
  g_free (bulk->queries);
  g_array_unref (bulk->failures);
  g_string_free (bulk->decoded, TRUE);
  _klynge_lock_clear (&bulk->lock);
  g_cond_clear (&bulk->cond);
  g_free (bulk);
}

/**
 * _klynge_xml_bulk_add_member:
 * @object: (nullable) (transfer none): the member's object, when it has
 *   provenance
 *
 * Stores a member whose values the reader has checked.
 *
 * Returns: its slot
 */
guint32
_klynge_xml_bulk_add_member (KlyngeXmlBulk            *bulk,
                             const KlyngeMemberValues *values,
                             KlyngeMember             *object)
{
  guint32 index;

  /* memberships handed over before this member are looked up without
   * it, and never while the member table grows (see the top) */
  if (G_UNLIKELY (bulk->undrained))
    drain (bulk);
  index = _klynge_membership_store_add_member (&bulk->landscape->store, values);
  if (object != NULL)
    _klynge_landscape_attach_member_object (bulk->landscape, index, object);
  return index;
}

/* Adds a membership, raw or checked, to the batch being filled, and hands
 * the batch over once it is full. Runs for every membership: inline. */
static inline void
queue_deferred (KlyngeXmlBulk *bulk,
                Deferred      *deferred,
                guint          line,
                gboolean       is_checked)
{
  deferred->line = line;
  deferred->is_checked = is_checked;
  g_array_append_val (bulk->batch->deferred, *deferred);
  if (bulk->batch->deferred->len >= bulk->batch_size)
    post_batch (bulk);
}

/* A membership as libxml2 gave its values; the member must be there. */
void
_klynge_xml_bulk_add_membership (KlyngeXmlBulk                   *bulk,
                                 KlyngeOrgEntry                  *entry,
                                 KlyngeRecord                    *organisation,
                                 const KlyngeXmlMembershipValues *values,
                                 guint                            line)
{
  Deferred deferred;
  GString *text;
  gsize at, length = 0;

  current_segment (bulk, entry, organisation);
  text = bulk->batch->text;
  /* the values side by side, grown once: this runs for every membership */
  at = text->len;
  for (guint v = 0; v < KLYNGE_XML_N_MEMBERSHIP_VALUES; v++)
    length += values->values[v] != NULL ? values->lengths[v] : 0;
  g_string_set_size (text, at + length);
  for (guint v = 0; v < KLYNGE_XML_N_MEMBERSHIP_VALUES; v++)
    {
      deferred.u.raw.offsets[v] = (guint32) at;
      deferred.u.raw.lengths[v] = values->values[v] != NULL ? (guint32) values->lengths[v] : NO_VALUE;
      if (values->values[v] != NULL)
        {
          memcpy (text->str + at, values->values[v], values->lengths[v]);
          at += values->lengths[v];
        }
    }
  queue_deferred (bulk, &deferred, line, FALSE);
}

/* A membership that _klynge_xml_check_membership() has passed, for the
 * duplicate check and the store. */
void
_klynge_xml_bulk_add_checked (KlyngeXmlBulk              *bulk,
                              KlyngeOrgEntry             *entry,
                              KlyngeRecord               *organisation,
                              const KlyngeMembershipSlot *slot,
                              guint                       line)
{
  Deferred deferred;

  current_segment (bulk, entry, organisation);
  deferred.u.checked = *slot;
  queue_deferred (bulk, &deferred, line, TRUE);
}

void
_klynge_xml_bulk_end_organisation (KlyngeXmlBulk  *bulk,
                                   KlyngeOrgEntry *entry,
                                   KlyngeRecord   *organisation)
{
  current_segment (bulk, entry, organisation)->end = TRUE;
  if (bulk->batch->segments->len >= bulk->batch_segments)
    post_batch (bulk);
}

/**
 * _klynge_xml_bulk_sync:
 *
 * Waits until everything handed over is checked and the memberships of
 * the organisations that have ended are stored.
 *
 * Returns: (transfer none) (element-type KlyngeXmlFailure): what failed
 *   since the last sync, in document order; the caller empties it
 *   (g_array_set_size() to 0 frees the failures)
 */
GArray *
_klynge_xml_bulk_sync (KlyngeXmlBulk *bulk)
{
  if (bulk->undrained)
    drain (bulk);
  commit_memberships (bulk);
  return bulk->failures;
}
