/* klynge-landscape-private.h: the landscape's storage, for the reader,
 * the writer and the queries in lib/
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-private.h"
#include "klynge-bulk-memory-private.h"

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

/* One membership of an organisation; kept sorted by (member, since). */
typedef struct {
  guint32 member;        /* slot index */
  guint32 since;         /* _klynge_date_pack() */
  guint32 until;         /* _klynge_date_pack() */
} KlyngeMembershipSlot;

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

static inline const char *
_klynge_member_id_text (const KlyngeMemberId *id)
{
  const char *text;

  if (G_LIKELY (id->text[KLYNGE_MEMBER_ID_INLINE_MAX] == '\0'))
    return id->text;
  memcpy (&text, id->text, sizeof text);
  return text;
}

/* The member slots and ids, in the order members were added; the ids on
 * huge pages once large (klynge-bulk-memory-private.h). An inline id
 * moves when the arrays grow: use what _klynge_member_id_text() gives at
 * once. */
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
  KlyngeOrganisation *organisation;
  GArray *memberships;   /* KlyngeMembershipSlot */
  guint32 index;         /* position among organisations, kept current */
} KlyngeOrgEntry;

struct _KlyngeLandscape
{
  GObject parent_instance;

  /* every id but members' → its record; member ids are in member_ids.
   * Look ids up with _klynge_landscape_lookup_id(), which sees both. */
  GHashTable *ids;
  KlyngeMemberIds member_ids;

  GPtrArray *funding_sources;   /* KlyngeFundingSource */
  GPtrArray *organisations;     /* KlyngeOrgEntry, insertion order */
  GHashTable *org_entries;      /* KlyngeOrganisation → KlyngeOrgEntry */
  GPtrArray *contracts;         /* KlyngeContract */
  GPtrArray *mergers;           /* KlyngeMerger */
  GPtrArray *initiatives;       /* KlyngeInitiative */

  GStringChunk *strings;        /* member names, long member ids */
  KlyngeMemberSlots members;
  guint n_members;              /* not counting removed ones */
  GHashTable *member_objects;   /* slot index → KlyngeMember */
  guint n_memberships;

  /* member slot → its memberships, built on demand */
  guint32 *by_member_offsets;   /* n_slots + 1 */
  guint32 *by_member_orgs;      /* organisation indexes */
  gboolean by_member_valid;
};

#define KLYNGE_MEMBER_TAG(index) GUINT_TO_POINTER (((guint) (index) << 1) | 1u)
#define KLYNGE_IS_MEMBER_TAG(p) ((GPOINTER_TO_UINT (p) & 1u) != 0)
#define KLYNGE_MEMBER_TAG_INDEX(p) (GPOINTER_TO_UINT (p) >> 1)

KlyngeOrgEntry  *_klynge_landscape_get_org_entry  (KlyngeLandscape  *self,
                                                   const char       *id);
gboolean         _klynge_landscape_find_member    (KlyngeLandscape  *self,
                                                   const char       *id,
                                                   guint32          *index);
/* The same for an id of @length bytes, not necessarily NUL-terminated. */
gboolean         _klynge_landscape_find_member_len (KlyngeLandscape *self,
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
void             _klynge_landscape_find_members   (KlyngeLandscape  *self,
                                                   KlyngeMemberQuery *queries,
                                                   guint             n);
/* Starts bringing the entry for a member id into the cache, for a
 * look-up or insertion of it a little later. */
void             _klynge_landscape_prefetch_member (KlyngeLandscape *self,
                                                   const char       *id,
                                                   gsize             length);
/* Any id: its record (an even pointer), a member's KLYNGE_MEMBER_TAG, or
 * NULL. */
gpointer         _klynge_landscape_lookup_id      (KlyngeLandscape  *self,
                                                   const char       *id);
/* The member's id; see KlyngeMemberSlots for how long it stays put. */
static inline const char *
_klynge_landscape_member_id (KlyngeLandscape *self,
                             guint32          index)
{
  return _klynge_member_id_text (&self->members.ids[index]);
}
KlyngeMember    *_klynge_landscape_get_member_object (KlyngeLandscape *self,
                                                   guint32           index);
/* The member's fields, from its object when one exists. */
const char      *_klynge_landscape_member_name    (KlyngeLandscape  *self,
                                                   guint32           index);
const char      *_klynge_landscape_member_cvr     (KlyngeLandscape  *self,
                                                   guint32           index,
                                                   char              buf[9]);
KlyngeMemberKind _klynge_landscape_member_kind    (KlyngeLandscape  *self,
                                                   guint32           index);
KlyngeMemberSize _klynge_landscape_member_size    (KlyngeLandscape  *self,
                                                   guint32           index);

/* Bulk interface for the reader: no checks beyond what is documented; the
 * reader checks values and keeps each organisation's memberships sorted. */
guint32          _klynge_landscape_add_member_slot (KlyngeLandscape *self,
                                                   const char       *id,
                                                   gsize             id_len,
                                                   const char       *name,
                                                   gsize             name_len,
                                                   guint32           cvr,
                                                   KlyngeMemberKind  kind,
                                                   KlyngeMemberSize  size);
void             _klynge_landscape_attach_member_object (KlyngeLandscape *self,
                                                   guint32           index,
                                                   KlyngeMember     *member);
void             _klynge_landscape_add_record_unchecked (KlyngeLandscape *self,
                                                   KlyngeRecord     *record);
void             _klynge_landscape_append_membership (KlyngeLandscape *self,
                                                   KlyngeOrgEntry   *entry,
                                                   guint32           member,
                                                   guint32           since,
                                                   guint32           until);
void             _klynge_landscape_index_by_member (KlyngeLandscape *self);

/* Calls @func on every record but members, in landscape order (the
 * order of the format's sections). Members are stored apart and name
 * no other record. */
void             _klynge_landscape_foreach_record (KlyngeLandscape *self,
                                                   GFunc             func,
                                                   gpointer          user_data);
/* Checks one reference: TRUE when it resolves to a record of @expected,
 * otherwise FALSE with the code (UNRESOLVED_REFERENCE or
 * WRONG_REFERENCE_KIND). */
gboolean         _klynge_landscape_resolve        (KlyngeLandscape  *self,
                                                   const char       *target,
                                                   GType             expected,
                                                   KlyngeError      *code);

G_END_DECLS
