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

/* Member objects (slot index → KlyngeMember) are made by readers, when
 * the API first hands a member out, and any number of threads may read a
 * landscape at once. So they are kept where a reader finds them without
 * a lock: a table of chunks of KLYNGE_MEMBER_OBJECTS_CHUNK pointers, each
 * pointer (table, chunk, object) set once with an atomic store and read
 * with an atomic load. Chunks are made only where objects are, so a few
 * objects in a landscape of millions of members cost little. Filling in
 * takes the lock; a table that grows is replaced, not freed, since
 * readers may still be looking through it (the old one is kept until the
 * landscape goes). Only klynge-landscape.c changes any of it. */
#define KLYNGE_MEMBER_OBJECTS_CHUNK_BITS 8
#define KLYNGE_MEMBER_OBJECTS_CHUNK (1u << KLYNGE_MEMBER_OBJECTS_CHUNK_BITS)

typedef struct {
  guint32 n_chunks;
  KlyngeMember **chunks[];      /* each NULL or KLYNGE_MEMBER_OBJECTS_CHUNK */
} KlyngeMemberObjectTable;

typedef struct {
  KlyngeMemberObjectTable *table;   /* NULL until the first object */
  GSList *retired;                  /* tables replaced by larger ones */
  KlyngeLock lock;
} KlyngeMemberObjects;

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
  GPtrArray *programmes;        /* KlyngeProgramme */
  GPtrArray *mergers;           /* KlyngeMerger */
  GPtrArray *initiatives;       /* KlyngeInitiative */

  /* members and memberships: only through the store's functions */
  KlyngeMembershipStore store;
  KlyngeMemberObjects member_objects;
};

#define KLYNGE_MEMBER_TAG(index) GUINT_TO_POINTER (((guint) (index) << 1) | 1u)
#define KLYNGE_IS_MEMBER_TAG(p) ((GPOINTER_TO_UINT (p) & 1u) != 0)
#define KLYNGE_MEMBER_TAG_INDEX(p) (GPOINTER_TO_UINT (p) >> 1)

KlyngeOrgEntry  *_klynge_landscape_get_org_entry  (KlyngeLandscape  *self,
                                                   const char       *id);
/* The same, or NULL with UNRESOLVED_REFERENCE or WRONG_REFERENCE_KIND
 * (the id quoted as UTF-8 whatever the caller's bytes). */
KlyngeOrgEntry  *_klynge_landscape_require_org_entry (KlyngeLandscape  *self,
                                                   const char       *id,
                                                   GError          **error);
/* The first day on which the landscape shows the organisation active, 0
 * for none: what _klynge_organisation_status_on() takes for an
 * organisation with no founding date (klynge-consolidation.c). A scan of
 * the landscape: callers that ask for many dates keep it. */
guint32          _klynge_landscape_first_stated_day (KlyngeLandscape *self,
                                                   KlyngeOrgEntry   *entry);
/* klynge_landscape_get_status() for an entry of @self (klynge-consolidation.c). */
KlyngeOrganisationStatus _klynge_landscape_status_of (KlyngeLandscape *self,
                                                   KlyngeOrgEntry   *entry,
                                                   const KlyngeDate *date,
                                                   const char      **merged_into);
/* klynge_filter_matches() with the status on the filter's date taken
 * from the landscape. */
gboolean         _klynge_landscape_filter_matches (KlyngeLandscape *self,
                                                   KlyngeOrgEntry   *entry,
                                                   KlyngeFilter     *filter);
/* Any id: its record (an even pointer), a member's KLYNGE_MEMBER_TAG, or
 * NULL. */
gpointer         _klynge_landscape_lookup_id      (KlyngeLandscape  *self,
                                                   const char       *id);
/* Sets @error to UNRESOLVED_REFERENCE when @id names no record, or to
 * WRONG_REFERENCE_KIND when it names one that is not @what ("a
 * programme"), quoting @id as UTF-8 whatever the caller's bytes. */
void             _klynge_landscape_refuse_reference (KlyngeLandscape *self,
                                                   const char       *id,
                                                   const char       *what,
                                                   GError          **error);

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

/* The member's object if it has one yet; never makes one, takes no lock. */
static inline KlyngeMember *
_klynge_landscape_peek_member_object (KlyngeLandscape *self,
                                      guint32          index)
{
  KlyngeMemberObjectTable *table = g_atomic_pointer_get (&self->member_objects.table);
  KlyngeMember **chunk;

  if (table == NULL || (index >> KLYNGE_MEMBER_OBJECTS_CHUNK_BITS) >= table->n_chunks)
    return NULL;
  chunk = g_atomic_pointer_get (&table->chunks[index >> KLYNGE_MEMBER_OBJECTS_CHUNK_BITS]);
  if (chunk == NULL)
    return NULL;
  return g_atomic_pointer_get (&chunk[index & (KLYNGE_MEMBER_OBJECTS_CHUNK - 1)]);
}
/* The member's object, made on first use; safe from many readers. */
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

/* klynge-designation-filter.c: the days @designation is certainly in
 * force, first..last inclusive (last is G_MAXUINT32 when it has no end);
 * FALSE when there is no such day (no start, or a start and end so
 * uncertain that no day is certain). klynge_designation_is_active_on()
 * and the funding by designation both read it. */
gboolean         _klynge_designation_get_days     (const KlyngeDesignation *designation,
                                                   guint32                 *first,
                                                   guint32                 *last);

/* klynge-funding.c: funding sources in the order the landscape lists
 * them, those it does not hold (a record edited after it was added) after
 * them by id. A rank from _klynge_funding_source_rank() on the table of
 * _klynge_funding_source_ranks(); compare ranked ids (sources or holders)
 * with _klynge_funding_compare_ranked(). */
GHashTable      *_klynge_funding_source_ranks     (KlyngeLandscape  *self);
guint            _klynge_funding_source_rank      (GHashTable       *ranks,
                                                   const char       *source);
int              _klynge_funding_compare_ranked   (guint             rank_a,
                                                   const char       *id_a,
                                                   guint             rank_b,
                                                   const char       *id_b);

G_END_DECLS
