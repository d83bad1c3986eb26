/* klynge-membership-store.c: members and memberships, stored compactly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-membership-store-private.h"

/* The one owner of the landscape's bulk: the member slots and ids, the
 * member id table, the string chunk, each organisation's memberships, the
 * index by member and the counts. Everything that changes them is here,
 * so that the counts and the index can be kept right in one place. */

void
_klynge_membership_store_init (KlyngeMembershipStore *store)
{
  memset (store, 0, sizeof *store);
  store->strings = g_string_chunk_new (64 * 1024);
  _klynge_lock_init (&store->index_lock);
}

void
_klynge_membership_store_clear (KlyngeMembershipStore *store)
{
  if (store->member_ids.entries != NULL)
    _klynge_bulk_free (store->member_ids.entries, (gsize) (store->member_ids.mask + 1) * sizeof (KlyngeMemberIdEntry));
  g_free (store->members.data);
  _klynge_bulk_free (store->members.ids, (gsize) store->members.capacity * sizeof (KlyngeMemberId));
  g_string_chunk_free (store->strings);
  g_free (store->by_member_offsets);
  g_free (store->by_member_orgs);
  _klynge_lock_clear (&store->index_lock);
  memset (store, 0, sizeof *store);
}

/* --- the member id table ----------------------------------------------- */

/* KlyngeMemberIds: loading a large landscape looks
 * a member id up for every membership, at random, so look-ups come in
 * batches whose cache misses overlap (_klynge_membership_store_find_members()).
 * An entry is a hash and a slot index; the id itself is compared in the
 * member's KlyngeMemberId. */

#define MEMBER_IDS_MIN_SIZE 64
static inline guint64
mix64 (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* Hashes the @length bytes of @id, eight at a time. Never 0. */
static inline guint32
member_id_hash (const char *id,
                gsize       length)
{
  guint64 h = length * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  gsize i;

  for (i = 0; i + 8 <= length; i += 8)
    {
      guint64 w;

      memcpy (&w, id + i, 8);
      h = mix64 (h ^ w);
    }
  if (i < length)
    {
      guint64 w = 0;

      memcpy (&w, id + i, length - i);
      h = mix64 (h ^ w);
    }
  h ^= h >> 32;
  return (guint32) h != 0 ? (guint32) h : 1;
}

/* Whether the member in @entry has the id @id of @length bytes. */
static inline gboolean
member_id_is (KlyngeMembershipStore     *store,
              const KlyngeMemberIdEntry *entry,
              const char                *id,
              gsize                      length)
{
  const char *stored = _klynge_membership_store_member_id (store, entry->index);

  /* ids are short: a loop beats a call; @stored ends at its NUL, which
   * no id has inside */
  for (gsize i = 0; i < length; i++)
    if (stored[i] != id[i])
      return FALSE;
  return stored[length] == '\0';
}

/* The position of @id in the table, from its home position @from on, or
 * -1. */
static gssize
member_ids_probe (KlyngeMembershipStore *store,
                  guint32                hash,
                  guint32                from,
                  const char            *id,
                  gsize                  length)
{
  KlyngeMemberIds *ids = &store->member_ids;
  guint32 i;

  for (i = from; ids->entries[i].hash != 0; i = (i + 1) & ids->mask)
    if (ids->entries[i].hash == hash && member_id_is (store, &ids->entries[i], id, length))
      return i;
  return -1;
}

static KlyngeMemberIdEntry *
member_ids_find (KlyngeMembershipStore *store,
                 const char            *id,
                 gsize                  length)
{
  KlyngeMemberIds *ids = &store->member_ids;
  guint32 hash;
  gssize at;

  if (ids->count == 0)
    return NULL;
  hash = member_id_hash (id, length);
  at = member_ids_probe (store, hash, hash & ids->mask, id, length);
  return at >= 0 ? &ids->entries[at] : NULL;
}

static void
member_ids_place (KlyngeMemberIds           *ids,
                  const KlyngeMemberIdEntry *entry)
{
  guint32 i;

  for (i = entry->hash & ids->mask; ids->entries[i].hash != 0; i = (i + 1) & ids->mask)
    ;
  ids->entries[i] = *entry;
}

/* Adds an id that is not in the table yet. */
static void
member_ids_insert (KlyngeMembershipStore *store,
                   const char            *id,
                   gsize                  length,
                   guint32                index)
{
  KlyngeMemberIds *ids = &store->member_ids;
  KlyngeMemberIdEntry entry;

  /* at most 70 % full, so that probes stay short */
  if (ids->entries == NULL || (guint64) (ids->count + 1) * 10 > (guint64) (ids->mask + 1) * 7)
    {
      KlyngeMemberIdEntry *old = ids->entries;
      guint32 old_size = old != NULL ? ids->mask + 1 : 0;
      guint32 size = old != NULL ? 2 * old_size : MEMBER_IDS_MIN_SIZE;

      ids->entries = _klynge_bulk_alloc0 ((gsize) size * sizeof (KlyngeMemberIdEntry));
      ids->mask = size - 1;
      for (guint32 i = 0; i < old_size; i++)
        if (old[i].hash != 0)
          member_ids_place (ids, &old[i]);
      if (old != NULL)
        _klynge_bulk_free (old, (gsize) old_size * sizeof (KlyngeMemberIdEntry));
    }
  entry.hash = member_id_hash (id, length);
  entry.index = index;
  member_ids_place (ids, &entry);
  ids->count++;
}

/* Removes @entry, shifting back the entries that probed past it, so that
 * no tombstones are needed. */
static void
member_ids_remove (KlyngeMembershipStore *store,
                   KlyngeMemberIdEntry   *entry)
{
  KlyngeMemberIds *ids = &store->member_ids;
  guint32 i = (guint32) (entry - ids->entries);
  guint32 j = i;

  for (;;)
    {
      guint32 home;

      j = (j + 1) & ids->mask;
      if (ids->entries[j].hash == 0)
        break;
      home = ids->entries[j].hash & ids->mask;
      /* the entry at j may move to i unless its home lies in (i, j] */
      if (i <= j ? (home <= i || home > j) : (home <= i && home > j))
        {
          ids->entries[i] = ids->entries[j];
          i = j;
        }
    }
  ids->entries[i].hash = 0;
  ids->count--;
}

gboolean
_klynge_membership_store_find_member (KlyngeMembershipStore *store,
                                      const char            *id,
                                      gsize                  length,
                                      guint32               *index)
{
  KlyngeMemberIdEntry *entry = member_ids_find (store, id, length);

  if (entry == NULL)
    return FALSE;
  *index = entry->index;
  return TRUE;
}

/* A look-up takes two dependent reads (the entry, then the member's id);
 * the batch runs them as a pipeline of three stages, FIND_WINDOW queries
 * apart, prefetching what the next stage reads, so that many misses are
 * under way at once. */
#define FIND_WINDOW 12

void
_klynge_membership_store_find_members (KlyngeMembershipStore *store,
                                       KlyngeMemberQuery     *queries,
                                       guint                  n)
{
  KlyngeMemberIds *ids = &store->member_ids;

  if (ids->count == 0)
    {
      for (guint i = 0; i < n; i++)
        queries[i].found = FALSE;
      return;
    }
  for (guint i = 0; i < n + 2 * FIND_WINDOW; i++)
    {
      /* stage 1: hash, prefetch the home entry */
      if (i < n)
        {
          KlyngeMemberQuery *q = &queries[i];

          q->hash = member_id_hash (q->id, q->length);
          KLYNGE_PREFETCH (&ids->entries[q->hash & ids->mask]);
        }
      /* stage 2: the first entry with the hash; prefetch its id */
      if (i >= FIND_WINDOW && i - FIND_WINDOW < n)
        {
          KlyngeMemberQuery *q = &queries[i - FIND_WINDOW];
          guint32 j;

          q->found = FALSE;
          q->candidate = FALSE;
          for (j = q->hash & ids->mask; ids->entries[j].hash != 0; j = (j + 1) & ids->mask)
            if (ids->entries[j].hash == q->hash)
              {
                q->candidate = TRUE;
                q->probe = j;
                KLYNGE_PREFETCH (&store->members.ids[ids->entries[j].index]);
                break;
              }
        }
      /* stage 3: compare; after a hash collision, probe on the slow way */
      if (i >= 2 * FIND_WINDOW)
        {
          KlyngeMemberQuery *q = &queries[i - 2 * FIND_WINDOW];
          gssize at;

          if (!q->candidate)
            continue;
          if (member_id_is (store, &ids->entries[q->probe], q->id, q->length))
            at = q->probe;
          else
            at = member_ids_probe (store, q->hash, (q->probe + 1) & ids->mask, q->id, q->length);
          if (at >= 0)
            {
              q->found = TRUE;
              q->index = ids->entries[at].index;
            }
        }
    }
}

void
_klynge_membership_store_prefetch_lookup (KlyngeMembershipStore *store,
                                          const char            *id,
                                          gsize                  length)
{
  if (store->member_ids.entries != NULL)
    KLYNGE_PREFETCH (&store->member_ids.entries[member_id_hash (id, length) & store->member_ids.mask]);
}

guint32
_klynge_membership_store_add_member (KlyngeMembershipStore    *store,
                                     const KlyngeMemberValues *values)
{
  const char *id = values->id;
  gsize id_len = values->id_len;
  KlyngeMemberSlot slot = { 0, };
  KlyngeMemberSlots *members = &store->members;
  guint32 index = members->len;

  if (G_UNLIKELY (members->len == members->capacity))
    {
      guint32 capacity = MAX (members->capacity * 2, 64);

      if (capacity <= members->capacity)
        g_error ("%s: too many members", G_STRLOC);
      members->data = g_renew (KlyngeMemberSlot, members->data, capacity);
      members->ids = _klynge_bulk_grow (members->ids,
                                        (gsize) members->capacity * sizeof (KlyngeMemberId),
                                        (gsize) capacity * sizeof (KlyngeMemberId));
      members->capacity = capacity;
    }
  /* the ids grow zeroed: an inline id's padding is NULs already */
  if (id_len <= KLYNGE_MEMBER_ID_INLINE_MAX)
    memcpy (members->ids[index].text, id, id_len);
  else
    {
      const char *text = g_string_chunk_insert_len (store->strings, id, (gssize) id_len);

      memcpy (members->ids[index].text, &text, sizeof text);
      members->ids[index].text[KLYNGE_MEMBER_ID_INLINE_MAX] = 1;
    }
  slot.name = values->name != NULL
              ? g_string_chunk_insert_len (store->strings, values->name, (gssize) values->name_len)
              : NULL;
  slot.cvr = values->cvr;
  slot.kind = values->kind;
  slot.size = values->size;
  members->data[members->len++] = slot;
  member_ids_insert (store, id, id_len, index);
  store->n_members++;
  store->by_member_valid = FALSE;
  return index;
}

void
_klynge_membership_store_remove_member (KlyngeMembershipStore *store,
                                        guint32                index)
{
  const char *id = _klynge_membership_store_member_id (store, index);

  member_ids_remove (store, member_ids_find (store, id, strlen (id)));
  store->members.data[index].removed = TRUE;
  store->n_members--;
}

/* --- one membership ---------------------------------------------------- */

guint32
_klynge_membership_slot_last_day (const KlyngeMembershipSlot *slot)
{
  KlyngeDate date;

  if ((slot->until & KLYNGE_MEMBERSHIP_SLOT_DATE) == 0)
    return G_MAXUINT32;
  /* a partial until date stands for its last day */
  _klynge_date_unpack (slot->until & KLYNGE_MEMBERSHIP_SLOT_DATE, &date);
  return klynge_date_get_last_day (&date);
}

/* Whether @slot holds something only version 2 of the format can. */
static inline gboolean
slot_is_version_2 (const KlyngeMembershipSlot *slot)
{
  return (slot->until & ~KLYNGE_MEMBERSHIP_SLOT_DATE) != 0;
}

#define ROLE_BITS (0x3u << KLYNGE_MEMBERSHIP_SLOT_ROLE_SHIFT)

/* Gives @slot the until date @packed and the end reason @end, keeping its
 * role. */
static inline void
set_until (KlyngeMembershipSlot *slot,
           guint32               packed,
           KlyngeMembershipEnd   end)
{
  slot->until = (slot->until & ROLE_BITS) | packed | (guint32) end << KLYNGE_MEMBERSHIP_SLOT_END_SHIFT;
}

/* Gives @slot the until date and end reason of @from, keeping its role. */
static inline void
take_until (KlyngeMembershipSlot       *slot,
            const KlyngeMembershipSlot *from)
{
  set_until (slot, from->until & KLYNGE_MEMBERSHIP_SLOT_DATE, _klynge_membership_slot_get_end (from));
}

/* Gives @slot the stronger of its role and @other's: member before
 * partner before participant, which is the enum's order. */
static inline void
take_stronger_role (KlyngeMembershipSlot       *slot,
                    const KlyngeMembershipSlot *other)
{
  if ((other->until & ROLE_BITS) < (slot->until & ROLE_BITS))
    slot->until = (slot->until & ~ROLE_BITS) | (other->until & ROLE_BITS);
}

/* Counts afresh, after a change of many memberships at once. */
static void
recount_version_2 (KlyngeOrgEntry *entry)
{
  guint n;
  const KlyngeMembershipSlot *slots = _klynge_membership_store_org_slots (entry, &n);

  entry->n_version_2 = 0;
  for (guint i = 0; i < n; i++)
    entry->n_version_2 += slot_is_version_2 (&slots[i]);
}

gboolean
_klynge_membership_store_needs_version_2 (const KlyngeMembershipStore *store,
                                          GPtrArray                   *organisations)
{
  for (guint i = 0; i < organisations->len; i++)
    if (((KlyngeOrgEntry *) g_ptr_array_index (organisations, i))->n_version_2 > 0)
      return TRUE;
  return FALSE;
}

/* --- organisations' memberships ---------------------------------------- */

void
_klynge_membership_store_add_org (KlyngeMembershipStore *store,
                                  KlyngeOrgEntry        *entry)
{
  entry->memberships = g_array_new (FALSE, FALSE, sizeof (KlyngeMembershipSlot));
  entry->n_version_2 = 0;
  store->by_member_valid = FALSE;
}

void
_klynge_membership_store_remove_org (KlyngeMembershipStore *store,
                                     KlyngeOrgEntry        *entry)
{
  store->n_memberships -= entry->memberships->len;
  store->by_member_valid = FALSE;
}

void
_klynge_membership_store_clear_org (KlyngeOrgEntry *entry)
{
  g_clear_pointer (&entry->memberships, g_array_unref);
  g_clear_pointer (&entry->lines, g_array_unref);
}

/* The lines no longer match the memberships once they change: where a
 * membership stood in the file is then not known. */
static void
forget_lines (KlyngeOrgEntry *entry)
{
  g_clear_pointer (&entry->lines, g_array_unref);
}

void
_klynge_membership_store_append_line (KlyngeOrgEntry *entry,
                                      guint           line)
{
  if (entry->lines == NULL)
    entry->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (entry->lines, line);
  g_assert (entry->lines->len <= entry->memberships->len);
}

gboolean
_klynge_membership_store_org_has_member (const KlyngeOrgEntry *entry,
                                         guint32               member)
{
  const KlyngeMembershipSlot *slots;
  guint n, lo = 0, hi;

  slots = _klynge_membership_store_org_slots (entry, &n);
  /* memberships are sorted by member: binary search for the first */
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (slots[mid].member < member)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && slots[lo].member == member;
}

void
_klynge_membership_store_count_appended (KlyngeMembershipStore *store,
                                         guint                  n)
{
  store->n_memberships += n;
  store->by_member_valid = FALSE;
}

gboolean
_klynge_membership_store_insert (KlyngeMembershipStore      *store,
                                 KlyngeOrgEntry             *entry,
                                 const KlyngeMembershipSlot *slot)
{
  GArray *slots = entry->memberships;
  guint position;

  /* from the end: memberships are mostly added in order */
  for (position = slots->len; position > 0; position--)
    {
      int cmp = _klynge_membership_slot_compare (&g_array_index (slots, KlyngeMembershipSlot, position - 1), slot);

      if (cmp == 0)
        return FALSE;
      if (cmp < 0)
        break;
    }
  g_array_insert_vals (slots, position, slot, 1);
  entry->n_version_2 += slot_is_version_2 (slot);
  forget_lines (entry);
  store->n_memberships++;
  store->by_member_valid = FALSE;
  return TRUE;
}

guint
_klynge_membership_store_remove (KlyngeMembershipStore *store,
                                 KlyngeOrgEntry        *entry,
                                 guint32                member,
                                 const KlyngeDate      *since)
{
  GArray *slots = entry->memberships;
  guint32 packed = since != NULL ? _klynge_date_pack (since) : 0;
  guint removed = 0;

  for (guint i = slots->len; i > 0; i--)
    {
      KlyngeMembershipSlot *slot = &g_array_index (slots, KlyngeMembershipSlot, i - 1);

      if (slot->member == member && (since == NULL || slot->since == packed))
        {
          entry->n_version_2 -= slot_is_version_2 (slot);
          g_array_remove_index (slots, i - 1);
          removed++;
        }
    }
  if (removed > 0)
    {
      forget_lines (entry);
      store->n_memberships -= removed;
      store->by_member_valid = FALSE;
    }
  return removed;
}

/* --- mergers ----------------------------------------------------------- */

/* qsort (NULL, 0, ...) is undefined (UBSan) */
static void
sort_slots (GArray *slots)
{
  if (slots->len > 0)
    qsort (slots->data, slots->len, sizeof (KlyngeMembershipSlot), _klynge_membership_slot_compare);
}

void
_klynge_membership_store_carry (KlyngeMembershipStore *store,
                                KlyngeOrgEntry        *successor,
                                GPtrArray             *predecessors,
                                guint32                effective_day)
{
  GArray *carried = g_array_new (FALSE, FALSE, sizeof (KlyngeMembershipSlot));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (KlyngeMembershipSlot));
  GArray *old = successor->memberships;
  guint old_len = old->len;

  /* the successor's ended memberships stay as they are; its current ones
   * merge with what the predecessors bring */
  for (guint i = 0; i < old->len; i++)
    {
      KlyngeMembershipSlot *slot = &g_array_index (old, KlyngeMembershipSlot, i);
      g_array_append_val (_klynge_membership_slot_goes_on (slot, effective_day) ? carried : result, *slot);
    }
  for (guint p = 0; p < predecessors->len; p++)
    {
      GArray *slots = ((KlyngeOrgEntry *) g_ptr_array_index (predecessors, p))->memberships;

      for (guint i = 0; i < slots->len; i++)
        {
          KlyngeMembershipSlot *slot = &g_array_index (slots, KlyngeMembershipSlot, i);
          if (_klynge_membership_slot_goes_on (slot, effective_day))
            g_array_append_val (carried, *slot);
        }
    }
  sort_slots (carried);

  /* one membership per member: the earliest since, the latest until */
  for (guint i = 0; i < carried->len;)
    {
      KlyngeMembershipSlot merged = g_array_index (carried, KlyngeMembershipSlot, i);
      guint32 last = _klynge_membership_slot_last_day (&merged);
      guint j;

      for (j = i + 1; j < carried->len; j++)
        {
          KlyngeMembershipSlot *slot = &g_array_index (carried, KlyngeMembershipSlot, j);
          guint32 l;

          if (slot->member != merged.member)
            break;
          l = _klynge_membership_slot_last_day (slot);
          if (l > last)
            {
              last = l;
              take_until (&merged, slot);
            }
          take_stronger_role (&merged, slot);
        }
      g_array_append_val (result, merged);
      i = j;
    }
  sort_slots (result);

  /* an ended membership of the successor that a merged one overlaps (or
   * that begins on the same date) is one membership with it: the member
   * belonged throughout, and two at once would be an overlap that
   * validation reports. Keep the earlier since and the later end. */
  {
    guint out = 0;

    for (guint i = 0; i < result->len; i++)
      {
        KlyngeMembershipSlot *slot = &g_array_index (result, KlyngeMembershipSlot, i);
        KlyngeMembershipSlot *previous = out > 0 ? &g_array_index (result, KlyngeMembershipSlot, out - 1) : NULL;

        if (previous != NULL && previous->member == slot->member
            && _klynge_membership_slot_first_day (slot) <= _klynge_membership_slot_last_day (previous))
          {
            if (_klynge_membership_slot_last_day (slot) > _klynge_membership_slot_last_day (previous))
              take_until (previous, slot);
            take_stronger_role (previous, slot);
            continue;
          }
        g_array_index (result, KlyngeMembershipSlot, out++) = *slot;
      }
    g_array_set_size (result, out);
  }

  successor->memberships = result;
  recount_version_2 (successor);
  forget_lines (successor);
  store->n_memberships = store->n_memberships - old_len + result->len;
  store->by_member_valid = FALSE;
  g_array_unref (old);
  g_array_unref (carried);
}

void
_klynge_membership_store_clip (KlyngeMembershipStore *store,
                               KlyngeOrgEntry        *entry,
                               const KlyngeDate      *dissolved,
                               KlyngeMembershipEnd    end)
{
  guint32 last_day = klynge_date_get_first_day (dissolved);
  guint32 packed = _klynge_date_pack (dissolved);
  GArray *slots = entry->memberships;
  guint out = 0;

  for (guint i = 0; i < slots->len; i++)
    {
      KlyngeMembershipSlot slot = g_array_index (slots, KlyngeMembershipSlot, i);

      if (_klynge_membership_slot_first_day (&slot) > last_day)
        continue;
      if (_klynge_membership_slot_last_day (&slot) > last_day)
        {
          KlyngeMembershipEnd had = _klynge_membership_slot_get_end (&slot);

          set_until (&slot, packed, had != KLYNGE_MEMBERSHIP_END_NONE ? had : end);
        }
      g_array_index (slots, KlyngeMembershipSlot, out++) = slot;
    }
  store->n_memberships -= slots->len - out;
  store->by_member_valid = FALSE;
  g_array_set_size (slots, out);
  recount_version_2 (entry);
  forget_lines (entry);
}

/* --- the index by member ----------------------------------------------- */

/* Builds the index; the caller holds the index lock. */
static void
build_index_by_member (KlyngeMembershipStore *store,
                       GPtrArray             *organisations)
{
  guint32 n = store->members.len;
  guint32 *fill;

  g_free (store->by_member_offsets);
  g_free (store->by_member_orgs);
  store->by_member_offsets = g_new0 (guint32, n + 1);
  store->by_member_orgs = g_new (guint32, MAX (store->n_memberships, 1));

  /* counting sort: organisations come out in landscape order per member */
  for (guint i = 0; i < organisations->len; i++)
    {
      GArray *slots = ((KlyngeOrgEntry *) g_ptr_array_index (organisations, i))->memberships;
      for (guint j = 0; j < slots->len; j++)
        store->by_member_offsets[g_array_index (slots, KlyngeMembershipSlot, j).member + 1]++;
    }
  for (guint32 m = 0; m < n; m++)
    store->by_member_offsets[m + 1] += store->by_member_offsets[m];
  fill = g_memdup2 (store->by_member_offsets, sizeof (guint32) * (n + 1));
  for (guint i = 0; i < organisations->len; i++)
    {
      GArray *slots = ((KlyngeOrgEntry *) g_ptr_array_index (organisations, i))->memberships;
      for (guint j = 0; j < slots->len; j++)
        store->by_member_orgs[fill[g_array_index (slots, KlyngeMembershipSlot, j).member]++] = i;
    }
  g_free (fill);
}

void
_klynge_membership_store_index_by_member (KlyngeMembershipStore *store,
                                          GPtrArray             *organisations)
{
  /* Double-checked: the flag is set (with release order) only after the
   * index is complete, so a reader that sees it set sees the whole
   * index. Two readers finding it stale used to both free and rebuild
   * the arrays (issue 14). */
  if (g_atomic_int_get (&store->by_member_valid))
    return;
  _klynge_lock_acquire (&store->index_lock);
  if (!g_atomic_int_get (&store->by_member_valid))
    {
      build_index_by_member (store, organisations);
      g_atomic_int_set (&store->by_member_valid, TRUE);
    }
  _klynge_lock_release (&store->index_lock);
}
