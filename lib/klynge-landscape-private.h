/* klynge-landscape-private.h: the landscape's insides, for the reader,
 * the writer and the queries in lib/; members and memberships are kept
 * by its store (klynge-membership-store-private.h)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "klynge-private.h"
#include "klynge-membership-store-private.h"

G_BEGIN_DECLS

struct _KlyngeLandscape
{
  GObject parent_instance;

  /* every id but members' → its record; member ids are in the store.
   * Look ids up with _klynge_landscape_lookup_id(), which sees both. */
  GHashTable *ids;

  GPtrArray *funding_sources;   /* KlyngeFundingSource */
  GPtrArray *organisations;     /* KlyngeOrgEntry, insertion order */
  GHashTable *org_entries;      /* KlyngeOrganisation → KlyngeOrgEntry */
  GPtrArray *contracts;         /* KlyngeContract */
  GPtrArray *mergers;           /* KlyngeMerger */
  GPtrArray *initiatives;       /* KlyngeInitiative */

  /* members and memberships: only through the store's functions */
  KlyngeMembershipStore store;
  GHashTable *member_objects;   /* slot index → KlyngeMember */
};

#define KLYNGE_MEMBER_TAG(index) GUINT_TO_POINTER (((guint) (index) << 1) | 1u)
#define KLYNGE_IS_MEMBER_TAG(p) ((GPOINTER_TO_UINT (p) & 1u) != 0)
#define KLYNGE_MEMBER_TAG_INDEX(p) (GPOINTER_TO_UINT (p) >> 1)

KlyngeOrgEntry  *_klynge_landscape_get_org_entry  (KlyngeLandscape  *self,
                                                   const char       *id);
/* Any id: its record (an even pointer), a member's KLYNGE_MEMBER_TAG, or
 * NULL. */
gpointer         _klynge_landscape_lookup_id      (KlyngeLandscape  *self,
                                                   const char       *id);

/* Shortcuts to the store for the look-ups made all over lib/. */
static inline gboolean
_klynge_landscape_find_member (KlyngeLandscape *self,
                               const char      *id,
                               guint32         *index)
{
  return _klynge_membership_store_find_member (&self->store, id, strlen (id), index);
}

static inline void
_klynge_landscape_find_members (KlyngeLandscape   *self,
                                KlyngeMemberQuery *queries,
                                guint              n)
{
  _klynge_membership_store_find_members (&self->store, queries, n);
}

static inline void
_klynge_landscape_prefetch_member (KlyngeLandscape *self,
                                   const char      *id,
                                   gsize            length)
{
  _klynge_membership_store_prefetch_lookup (&self->store, id, length);
}

static inline const char *
_klynge_landscape_member_id (KlyngeLandscape *self,
                             guint32          index)
{
  return _klynge_membership_store_member_id (&self->store, index);
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

void             _klynge_landscape_attach_member_object (KlyngeLandscape *self,
                                                   guint32           index,
                                                   KlyngeMember     *member);
void             _klynge_landscape_add_record_unchecked (KlyngeLandscape *self,
                                                   KlyngeRecord     *record);

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
