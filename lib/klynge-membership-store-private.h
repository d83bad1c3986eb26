/* klynge-membership-store-private.h: the storage of members and
 * memberships, with one owner
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Only klynge-membership-store.c touches the fields below; the rest of
 * lib/ goes through its functions and the inline accessors here, which
 * exist because the reader and the writers run through every slot of a
 * large landscape and a call per slot would show.
 */
#pragma once

#include "klynge-private.h"
#include "klynge-bulk-memory-private.h"
#include "klynge-lock-private.h"

#include <string.h>

G_BEGIN_DECLS

/* Members and memberships are the bulk of a large landscape, so they are
 * stored as plain structs with names in a string chunk that never moves;
 * a KlyngeMember object is made only when the API hands one out, and from
 * then on that object holds the member's fields. */
typedef struct {
  const char *name;      /* in the string chunk */
  guint32 cvr;           /* the 8 digits as a number; 0 when none */
  guint8 kind;           /* KlyngeMemberKind */
  guint8 size;           /* KlyngeMemberSize */
  guint8 removed;        /* a removed member keeps its slot */
} KlyngeMemberSlot;

/* One membership of an organisation; kept sorted by (member, since),
 * _klynge_membership_slot_compare(). The dates are packed: read them with
 * the _klynge_membership_slot_*() functions, never from the fields.
 *
 * A packed date takes at most 24 bits (a day number up to 9999-12-31
 * fits in 22, and the precision takes two), so @until carries the role
 * and the end reason (format version 2) in its top bits, and the slot
 * stays 12 bytes: @since holds only its date, so the order by (member,
 * since) needs no mask; @until's date is (until & KLYNGE_MEMBERSHIP_SLOT_DATE),
 * 0 when there is no until date, whatever the bits above.
 *
 * The slots are plain values that the store hands out through const
 * pointers: their fields may be read (a membership's member, a member's
 * name); the store's own fields below may not. */
typedef struct {
  guint32 member;        /* slot index */
  guint32 since;         /* _klynge_date_pack(); 0 when none */
  guint32 until;         /* _klynge_date_pack(), 0 when none; role, end above */
} KlyngeMembershipSlot;

#define KLYNGE_MEMBERSHIP_SLOT_DATE 0x00ffffffu
#define KLYNGE_MEMBERSHIP_SLOT_ROLE_SHIFT 24   /* 2 bits: KlyngeMembershipRole */
#define KLYNGE_MEMBERSHIP_SLOT_END_SHIFT 26    /* 3 bits: KlyngeMembershipEnd */
G_STATIC_ASSERT (sizeof (KlyngeMembershipSlot) == 12);

/* A member's id, in a dense array beside the slots. Every membership
 * names a member at random: with the id behind a pointer in the slot,
 * reading it took two dependent cache misses, which no prefetch could
 * overlap, and writing ten million members' memberships took about 14
 * times as long as writing a million's. Here the id's address follows from the
 * member's index alone, and an id of up to 15 bytes (all the usual ones)
 * is in that one place; a longer one is in the string chunk, its address
 * here and text[15] set to 1. */
typedef struct {
  char text[16];
} KlyngeMemberId;

#define KLYNGE_MEMBER_ID_INLINE_MAX 15

/* How far ahead a loop over memberships prefetches their members' ids. */
#define KLYNGE_MEMBER_ID_PREFETCH_AHEAD 16

/* The member slots and ids, in the order members were added; the ids on
 * huge pages once large (klynge-bulk-memory-private.h). An inline id
 * moves when the arrays grow: use what _klynge_membership_store_member_id()
 * gives at once. */
typedef struct {
  KlyngeMemberSlot *data;
  KlyngeMemberId *ids;
  guint32 len;
  guint32 capacity;
} KlyngeMemberSlots;

/* Member ids → slot indexes: open addressing with linear probing, at
 * most 70 % full; an entry is the id's hash and the slot, and the id is
 * compared in the member's KlyngeMemberId. A million members take 16 MB here, against 40 MB
 * for a GHashTable. */
typedef struct {
  guint32 hash;          /* never 0; 0 marks an empty entry */
  guint32 index;         /* member slot */
} KlyngeMemberIdEntry;

typedef struct {
  KlyngeMemberIdEntry *entries;
  guint32 mask;          /* size - 1; the size is a power of two */
  guint32 count;
} KlyngeMemberIds;

typedef struct {
  KlyngeMemberSlots members;
  KlyngeMemberIds member_ids;
  GStringChunk *strings;        /* member names, long member ids */
  guint n_members;              /* not counting removed ones */
  guint n_memberships;

  /* member slot → its memberships' organisations, built on demand by
   * whichever reader needs it first. Any number of readers may ask at
   * once (the landscape's thread contract), so it is built under
   * @index_lock and published by setting @by_member_valid atomically;
   * readers that find it set use the index without the lock. Only a
   * writer, which has the landscape to itself, clears the flag, so no
   * reader can be using an index while it is rebuilt. */
  guint32 *by_member_offsets;   /* n_slots + 1 */
  guint32 *by_member_orgs;      /* organisation indexes */
  gint by_member_valid;         /* read with g_atomic_int_get() */
  KlyngeLock index_lock;
} KlyngeMembershipStore;

/* An organisation's place in the landscape. The landscape keeps
 * @organisation and @index; @memberships and @lines are the store's,
 * touched only by the _klynge_membership_store_*() functions.
 *
 * @lines holds the line of each membership, in step with @memberships,
 * only in a landscape loaded to be validated: a line per membership would
 * add a third to the memberships' memory in every other load. Any change
 * to the organisation's memberships drops it. */
typedef struct {
  KlyngeOrganisation *organisation;
  GArray *memberships;   /* KlyngeMembershipSlot */
  GArray *lines;         /* (nullable) guint, see above */
  guint32 index;         /* position among organisations, kept current */
  /* how many of @memberships have a role other than member or an end
   * reason, which only version 2 of the format can hold: the writer's
   * version choice asks, and a scan of millions of slots would show */
  guint32 n_version_2;
} KlyngeOrgEntry;

/* --- the store --------------------------------------------------------- */

void             _klynge_membership_store_init    (KlyngeMembershipStore *store);
void             _klynge_membership_store_clear   (KlyngeMembershipStore *store);

static inline guint
_klynge_membership_store_count_members (const KlyngeMembershipStore *store)
{
  return store->n_members;
}

static inline guint
_klynge_membership_store_count_memberships (const KlyngeMembershipStore *store)
{
  return store->n_memberships;
}

/* --- members ----------------------------------------------------------- */

/* A member's values on their way into the store; the id and the name
 * need not be NUL-terminated. */
typedef struct {
  const char *id;
  gsize id_len;
  const char *name;      /* NULL when there is none */
  gsize name_len;
  guint32 cvr;           /* as in KlyngeMemberSlot */
  KlyngeMemberKind kind;
  KlyngeMemberSize size;
} KlyngeMemberValues;

/* Adds a member whose id is not in the store yet; no checks. Returns its
 * slot index. */
guint32          _klynge_membership_store_add_member (KlyngeMembershipStore    *store,
                                                   const KlyngeMemberValues *values);
/* Forgets the member's id; its slot stays, marked removed, so that the
 * indexes of the others do not change. */
void             _klynge_membership_store_remove_member (KlyngeMembershipStore *store,
                                                   guint32           index);
/* The slot of the member with the id of @length bytes, not necessarily
 * NUL-terminated. */
gboolean         _klynge_membership_store_find_member (KlyngeMembershipStore *store,
                                                   const char       *id,
                                                   gsize             length,
                                                   guint32          *index);

/* Many member look-ups at once, overlapping their cache misses: fills in
 * @index and @found of each query; the other fields are scratch. */
typedef struct {
  const char *id;
  gsize length;
  guint32 index;
  gboolean found;
  guint32 hash;
  guint32 probe;
  gboolean candidate;
} KlyngeMemberQuery;
void             _klynge_membership_store_find_members (KlyngeMembershipStore *store,
                                                   KlyngeMemberQuery *queries,
                                                   guint             n);
/* Starts bringing the table entry for a member id into the cache, for a
 * look-up or insertion of it a little later. */
void             _klynge_membership_store_prefetch_lookup (KlyngeMembershipStore *store,
                                                   const char       *id,
                                                   gsize             length);

/* Member slots, removed ones included: indexes run below this. */
static inline guint32
_klynge_membership_store_n_member_slots (const KlyngeMembershipStore *store)
{
  return store->members.len;
}

static inline const KlyngeMemberSlot *
_klynge_membership_store_member_slot (const KlyngeMembershipStore *store,
                                      guint32                      index)
{
  return &store->members.data[index];
}

/* Whether slot @index still holds a member: removed ones keep theirs. */
static inline gboolean
_klynge_membership_store_member_present (const KlyngeMembershipStore *store,
                                         guint32                      index)
{
  return !store->members.data[index].removed;
}

/* The member's id; see KlyngeMemberSlots for how long it stays put. */
static inline const char *
_klynge_membership_store_member_id (const KlyngeMembershipStore *store,
                                    guint32                      index)
{
  const KlyngeMemberId *id = &store->members.ids[index];
  const char *text;

  if (G_LIKELY (id->text[KLYNGE_MEMBER_ID_INLINE_MAX] == '\0'))
    return id->text;
  memcpy (&text, id->text, sizeof text);
  return text;
}

/* For loops over memberships: starts fetching the id of a member a few
 * memberships ahead. */
static inline void
_klynge_membership_store_prefetch_member_id (const KlyngeMembershipStore *store,
                                             guint32                      index)
{
  KLYNGE_PREFETCH (&store->members.ids[index]);
}

/* --- memberships ------------------------------------------------------- */

/* Gives a new organisation's entry its (empty) memberships. */
void             _klynge_membership_store_add_org (KlyngeMembershipStore *store,
                                                   KlyngeOrgEntry   *entry);
/* Takes the memberships of an organisation about to be removed out of the
 * counts; the entry's free function then calls _clear_org(). */
void             _klynge_membership_store_remove_org (KlyngeMembershipStore *store,
                                                   KlyngeOrgEntry   *entry);
void             _klynge_membership_store_clear_org (KlyngeOrgEntry *entry);

/* The organisation's memberships, sorted by (member, since). */
static inline const KlyngeMembershipSlot *
_klynge_membership_store_org_slots (const KlyngeOrgEntry *entry,
                                    guint                *n)
{
  *n = entry->memberships->len;
  return (const KlyngeMembershipSlot *) entry->memberships->data;
}

gboolean         _klynge_membership_store_org_has_member (const KlyngeOrgEntry *entry,
                                                   guint32           member);

/* Appends a membership that sorts after the organisation's others, in
 * two steps for the reader: its worker thread appends, touching only the
 * organisation it fills, and the reading thread then counts what was
 * appended with _count_appended(). */
static inline void
_klynge_membership_store_append_uncounted (KlyngeOrgEntry             *entry,
                                           const KlyngeMembershipSlot *slot)
{
  g_array_append_vals (entry->memberships, slot, 1);
  entry->n_version_2 += (slot->until & ~KLYNGE_MEMBERSHIP_SLOT_DATE) != 0;
}
void             _klynge_membership_store_count_appended (KlyngeMembershipStore *store,
                                                   guint             n);
/* Inserts a membership in order; FALSE, changing nothing, when the member
 * already has one since the same date. */
gboolean         _klynge_membership_store_insert  (KlyngeMembershipStore *store,
                                                   KlyngeOrgEntry   *entry,
                                                   const KlyngeMembershipSlot *slot);
/* Removes @member's memberships since @since, or all of them when @since
 * is %NULL; returns how many. */
guint            _klynge_membership_store_remove  (KlyngeMembershipStore *store,
                                                   KlyngeOrgEntry   *entry,
                                                   guint32           member,
                                                   const KlyngeDate *since);

/* For a merger effective on @effective_day: the successor's memberships
 * that go on then merge with the predecessors' (KlyngeOrgEntry), one per
 * member, with the earliest since and the latest until (and that until's
 * end reason); its ended ones stay. Memberships of one member with
 * different roles become one with the strongest role, member before
 * partner before participant: whoever was a member of either body is a
 * member of the one that carries on. */
void             _klynge_membership_store_carry   (KlyngeMembershipStore *store,
                                                   KlyngeOrgEntry   *successor,
                                                   GPtrArray        *predecessors,
                                                   guint32           effective_day);
/* A predecessor keeps its memberships as history ending on @dissolved,
 * its last day; those beginning later went over to the successor. Those
 * that went on past @dissolved end on it, with the reason @end unless
 * they had one already. */
void             _klynge_membership_store_clip    (KlyngeMembershipStore *store,
                                                   KlyngeOrgEntry   *entry,
                                                   const KlyngeDate *dissolved,
                                                   KlyngeMembershipEnd end);

/* Whether some membership has a role or end reason that only version 2
 * of the format holds (@organisations: the landscape's KlyngeOrgEntry). */
gboolean         _klynge_membership_store_needs_version_2 (const KlyngeMembershipStore *store,
                                                   GPtrArray        *organisations);

/* For a load that is to be validated: the line of the next membership
 * that _append_uncounted() appended to @entry, in the same order; by the
 * end of the load, every one has its line. */
void             _klynge_membership_store_append_line (KlyngeOrgEntry *entry,
                                                   guint             line);
/* The line of the organisation's membership at @position (as in
 * _org_slots()), or 0 when the store keeps none for it. */
static inline guint
_klynge_membership_store_slot_line (const KlyngeOrgEntry *entry,
                                    guint                 position)
{
  return entry->lines != NULL ? g_array_index (entry->lines, guint, position) : 0;
}

/* Builds, unless it is current, the index of each member's organisations
 * (@organisations: the landscape's KlyngeOrgEntry, in order). Safe to
 * call from any number of reading threads at once. */
void             _klynge_membership_store_index_by_member (KlyngeMembershipStore *store,
                                                   GPtrArray        *organisations);
/* From that index: the positions of the organisations @member has
 * memberships of, in landscape order, once per membership. */
static inline const guint32 *
_klynge_membership_store_orgs_of_member (const KlyngeMembershipStore *store,
                                         guint32                      member,
                                         guint                       *n)
{
  g_assert (g_atomic_int_get (&store->by_member_valid));
  *n = store->by_member_offsets[member + 1] - store->by_member_offsets[member];
  return store->by_member_orgs + store->by_member_offsets[member];
}

/* --- one membership ---------------------------------------------------- */

/* Fills in @slot; a %NULL or unset date is none. The caller has checked
 * that @end is NONE unless there is an until date. */
static inline void
_klynge_membership_slot_init (KlyngeMembershipSlot *slot,
                              guint32               member,
                              const KlyngeDate     *since,
                              const KlyngeDate     *until,
                              KlyngeMembershipRole  role,
                              KlyngeMembershipEnd   end)
{
  slot->member = member;
  slot->since = since != NULL ? _klynge_date_pack (since) : 0;
  slot->until = (until != NULL ? _klynge_date_pack (until) : 0)
                | (guint32) role << KLYNGE_MEMBERSHIP_SLOT_ROLE_SHIFT
                | (guint32) end << KLYNGE_MEMBERSHIP_SLOT_END_SHIFT;
}

/* Its dates; unset ones for none. Inline: the writers call it for every
 * membership they save. */
static inline void
_klynge_membership_slot_get_dates (const KlyngeMembershipSlot *slot,
                                   KlyngeDate                 *since,
                                   KlyngeDate                 *until)
{
  _klynge_date_unpack (slot->since, since);
  _klynge_date_unpack (slot->until & KLYNGE_MEMBERSHIP_SLOT_DATE, until);
}

static inline KlyngeMembershipRole
_klynge_membership_slot_get_role (const KlyngeMembershipSlot *slot)
{
  return (KlyngeMembershipRole) ((slot->until >> KLYNGE_MEMBERSHIP_SLOT_ROLE_SHIFT) & 0x3);
}

static inline KlyngeMembershipEnd
_klynge_membership_slot_get_end (const KlyngeMembershipSlot *slot)
{
  return (KlyngeMembershipEnd) ((slot->until >> KLYNGE_MEMBERSHIP_SLOT_END_SHIFT) & 0x7);
}
/* By (member, since); a GCompareFunc. Inline: the reader checks the
 * order of every membership it loads. */
static inline int
_klynge_membership_slot_compare (gconstpointer a,
                                 gconstpointer b)
{
  const KlyngeMembershipSlot *x = a, *y = b;

  if (x->member != y->member)
    return x->member < y->member ? -1 : 1;
  if (x->since != y->since)
    return x->since < y->since ? -1 : 1;
  return 0;
}
/* The first day the membership covers; 0 when it has no since date. */
static inline guint32
_klynge_membership_slot_first_day (const KlyngeMembershipSlot *slot)
{
  return slot->since >> 2;  /* the packing keeps the first day above two bits */
}
/* The last day it covers; G_MAXUINT32 when it has no end. */
guint32          _klynge_membership_slot_last_day (const KlyngeMembershipSlot *slot);
/* Whether it has not ended before @day. */
static inline gboolean
_klynge_membership_slot_goes_on (const KlyngeMembershipSlot *slot,
                                 guint32                     day)
{
  return (slot->until & KLYNGE_MEMBERSHIP_SLOT_DATE) == 0
         || _klynge_membership_slot_last_day (slot) >= day;
}
/* Whether it covers @day: begun by then and not ended before. */
static inline gboolean
_klynge_membership_slot_active_on (const KlyngeMembershipSlot *slot,
                                   guint32                     day)
{
  return _klynge_membership_slot_first_day (slot) <= day
         && _klynge_membership_slot_goes_on (slot, day);
}

/* A day that stands for "any time" in _klynge_membership_store_next_member_on(). */
#define KLYNGE_MEMBERSHIP_ANY_DAY G_MAXUINT32

/* The next distinct member, from slots[*i] on, with a membership active on
 * @day (any membership for KLYNGE_MEMBERSHIP_ANY_DAY) whose role is in
 * @roles (a mask of 1 << KlyngeMembershipRole), moving *i past its
 * memberships; G_MAXUINT32 when there is none. @strongest, unless %NULL,
 * gets the strongest of those memberships' roles (member before partner
 * before participant, the rule of _klynge_membership_store_carry()). The
 * counts of members on a date all go through here, so they agree on who
 * is a member. */
static inline guint32
_klynge_membership_store_next_member_as (const KlyngeMembershipSlot *slots,
                                         guint                       n,
                                         guint                      *i,
                                         guint32                     day,
                                         guint                       roles,
                                         KlyngeMembershipRole       *strongest)
{
  while (*i < n)
    {
      guint32 member = slots[*i].member;
      guint role = KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT + 1;

      for (; *i < n && slots[*i].member == member; (*i)++)
        {
          guint r = _klynge_membership_slot_get_role (&slots[*i]);

          if (r < role && ((roles >> r) & 1)
              && (day == KLYNGE_MEMBERSHIP_ANY_DAY || _klynge_membership_slot_active_on (&slots[*i], day)))
            role = r;
        }
      if (role <= KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT)
        {
          if (strongest != NULL)
            *strongest = (KlyngeMembershipRole) role;
          return member;
        }
    }
  return G_MAXUINT32;
}

/* The same, whatever the role. */
static inline guint32
_klynge_membership_store_next_member_on (const KlyngeMembershipSlot *slots,
                                         guint                       n,
                                         guint                      *i,
                                         guint32                     day)
{
  return _klynge_membership_store_next_member_as (slots, n, i, day, KLYNGE_MEMBERSHIP_ROLES_ALL, NULL);
}

G_END_DECLS
