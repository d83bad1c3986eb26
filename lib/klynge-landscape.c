/* klynge-landscape.c: the container of a whole cluster landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "klynge-landscape-private.h"
#include "klynge-reloadable-private.h"

/**
 * KlyngeLandscape:
 *
 * Owns every record of a landscape and finds them by id. Records of other
 * kinds are kept in the order they were added, which is also the order in
 * which they are listed and saved; hash order is never visible.
 *
 * Members and memberships are stored compactly, since a large landscape
 * has millions of them: a #KlyngeMember object is created only when the
 * API hands one out (klynge_landscape_lookup(), klynge_landscape_list()),
 * and it then stays valid, and authoritative for that member's fields, for
 * as long as the member is in the landscape.
 *
 * Ids are unique across all kinds. Every reference a record makes must
 * resolve when the record is added; klynge_landscape_validate() reports
 * references that records edited later leave dangling.
 *
 * ## Threads
 *
 * Any number of threads may call the functions that read a landscape
 * (look-ups, counts, lists, memberships, validation, consolidation
 * queries, due diligence, funding, exports, saving, views) on the same
 * landscape at once, with no lock of their own: state that reads build
 * lazily, such as the index of memberships by member or the member
 * objects klynge_landscape_lookup() makes, is built once under a lock
 * inside the landscape, and every thread is handed the same member
 * object.
 *
 * A write needs the landscape to itself: while one thread adds, removes
 * or changes a record or a membership (klynge_landscape_add(),
 * klynge_landscape_remove(), klynge_landscape_add_membership(),
 * klynge_landscape_apply_merger(), a setter on a record the landscape
 * holds, and so on), no other thread may read or write that landscape.
 * Hand it over the usual way (g_thread_join(), a #GMutex, a #GAsyncQueue)
 * so that the next reader sees the whole edit. Loading builds a new
 * landscape that no other thread can see until it is returned.
 *
 * What a read returns is owned as its annotation says: a record with
 * (transfer none) stays valid while it is in the landscape, so a reader
 * that keeps one while another thread may later remove it takes a
 * reference; arrays and memberships with (transfer container) or full
 * are the caller's alone.
 */

G_DEFINE_FINAL_TYPE (KlyngeLandscape, klynge_landscape, G_TYPE_OBJECT)

static void
org_entry_free (gpointer data)
{
  KlyngeOrgEntry *entry = data;

  g_object_unref (entry->organisation);
  _klynge_membership_store_clear_org (entry);
  g_free (entry);
}

static void
member_objects_clear (KlyngeMemberObjects *objects)
{
  KlyngeMemberObjectTable *table = objects->table;

  if (table != NULL)
    {
      for (guint32 c = 0; c < table->n_chunks; c++)
        {
          if (table->chunks[c] == NULL)
            continue;
          for (guint i = 0; i < KLYNGE_MEMBER_OBJECTS_CHUNK; i++)
            g_clear_object (&table->chunks[c][i]);
          g_free (table->chunks[c]);
        }
      g_free (table);
    }
  /* the retired tables share the current one's chunks: free only them */
  g_slist_free_full (objects->retired, g_free);
  _klynge_lock_clear (&objects->lock);
}

static void
klynge_landscape_finalize (GObject *object)
{
  KlyngeLandscape *self = KLYNGE_LANDSCAPE (object);

  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->org_entries);
  g_ptr_array_unref (self->funding_sources);
  g_ptr_array_unref (self->organisations);
  g_ptr_array_unref (self->contracts);
  g_ptr_array_unref (self->programmes);
  g_ptr_array_unref (self->mergers);
  g_ptr_array_unref (self->initiatives);
  member_objects_clear (&self->member_objects);
  _klynge_membership_store_clear (&self->store);

  G_OBJECT_CLASS (klynge_landscape_parent_class)->finalize (object);
}

static void
klynge_landscape_class_init (KlyngeLandscapeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_landscape_finalize;
}

static void
klynge_landscape_init (KlyngeLandscape *self)
{
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->org_entries = g_hash_table_new (NULL, NULL);
  self->funding_sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->organisations = g_ptr_array_new_with_free_func (org_entry_free);
  self->contracts = g_ptr_array_new_with_free_func (g_object_unref);
  self->programmes = g_ptr_array_new_with_free_func (g_object_unref);
  self->mergers = g_ptr_array_new_with_free_func (g_object_unref);
  self->initiatives = g_ptr_array_new_with_free_func (g_object_unref);
  _klynge_membership_store_init (&self->store);
  _klynge_lock_init (&self->member_objects.lock);
}

/**
 * klynge_landscape_new:
 *
 * Creates an empty landscape.
 *
 * Returns: (transfer full): a new landscape
 */
KlyngeLandscape *
klynge_landscape_new (void)
{
  return g_object_new (KLYNGE_TYPE_LANDSCAPE, NULL);
}

/* --- members ----------------------------------------------------------- */

static inline const KlyngeMemberSlot *
member_slot (KlyngeLandscape *self,
             guint32          index)
{
  return _klynge_membership_store_member_slot (&self->store, index);
}

gpointer
_klynge_landscape_lookup_id (KlyngeLandscape *self,
                             const char      *id)
{
  guint32 index;

  if (_klynge_landscape_find_member (self, id, &index))
    return KLYNGE_MEMBER_TAG (index);
  return g_hash_table_lookup (self->ids, id);
}

static guint32
parse_cvr_number (const char *cvr)
{
  return cvr != NULL ? (guint32) strtoul (cvr, NULL, 10) : 0;
}

/* Where the object of member @index goes, making the table and the chunk
 * as needed; the caller holds the member objects' lock. */
static KlyngeMember **
member_object_place (KlyngeLandscape *self,
                     guint32          index)
{
  KlyngeMemberObjects *objects = &self->member_objects;
  KlyngeMemberObjectTable *table = objects->table;
  guint32 c = index >> KLYNGE_MEMBER_OBJECTS_CHUNK_BITS;
  KlyngeMember **chunk;

  if (table == NULL || c >= table->n_chunks)
    {
      guint32 slots = _klynge_membership_store_n_member_slots (&self->store);
      guint32 n = MAX (c + 1, (slots + KLYNGE_MEMBER_OBJECTS_CHUNK - 1) >> KLYNGE_MEMBER_OBJECTS_CHUNK_BITS);
      KlyngeMemberObjectTable *larger;

      if (table != NULL)
        n = MAX (n, table->n_chunks * 2);
      larger = g_malloc0 (sizeof *larger + n * sizeof larger->chunks[0]);
      larger->n_chunks = n;
      if (table != NULL)
        memcpy (larger->chunks, table->chunks, table->n_chunks * sizeof table->chunks[0]);
      /* complete before readers can see it */
      g_atomic_pointer_set (&objects->table, larger);
      if (table != NULL)
        objects->retired = g_slist_prepend (objects->retired, table);
      table = larger;
    }
  chunk = table->chunks[c];
  if (chunk == NULL)
    {
      chunk = g_new0 (KlyngeMember *, KLYNGE_MEMBER_OBJECTS_CHUNK);
      g_atomic_pointer_set (&table->chunks[c], chunk);
    }
  return &chunk[index & (KLYNGE_MEMBER_OBJECTS_CHUNK - 1)];
}

void
_klynge_landscape_attach_member_object (KlyngeLandscape *self,
                                        guint32          index,
                                        KlyngeMember    *member)
{
  KlyngeMember **place;
  KlyngeMember *old;

  _klynge_lock_acquire (&self->member_objects.lock);
  place = member_object_place (self, index);
  old = *place;
  g_atomic_pointer_set (place, member != NULL ? g_object_ref (member) : NULL);
  _klynge_lock_release (&self->member_objects.lock);
  g_clear_object (&old);
}

KlyngeMember *
_klynge_landscape_get_member_object (KlyngeLandscape *self,
                                     guint32          index)
{
  const KlyngeMemberSlot *slot;
  KlyngeMember **place;
  KlyngeMember *member;

  member = _klynge_landscape_peek_member_object (self, index);
  if (member != NULL)
    return member;

  /* Readers come here at once for the same member: the first makes the
   * object, the others find it when they get the lock. */
  _klynge_lock_acquire (&self->member_objects.lock);
  place = member_object_place (self, index);
  member = *place;
  if (member == NULL)
    {
      slot = member_slot (self, index);
      member = klynge_member_new (_klynge_landscape_member_id (self, index), slot->kind, slot->name);
      klynge_member_set_size (member, slot->size);
      if (slot->cvr != 0)
        {
          char buf[9];
          g_snprintf (buf, sizeof buf, "%08u", slot->cvr);
          klynge_member_set_cvr (member, buf, NULL);
        }
      /* complete before other readers can see it */
      g_atomic_pointer_set (place, member);
    }
  _klynge_lock_release (&self->member_objects.lock);
  return member;
}

const char *
_klynge_landscape_member_name (KlyngeLandscape *self,
                               guint32          index)
{
  KlyngeMember *member = _klynge_landscape_peek_member_object (self, index);

  return member != NULL ? klynge_member_get_name (member) : member_slot (self, index)->name;
}

const char *
_klynge_landscape_member_cvr (KlyngeLandscape *self,
                              guint32          index,
                              char             buf[9])
{
  KlyngeMember *member = _klynge_landscape_peek_member_object (self, index);
  guint32 cvr;

  if (member != NULL)
    return klynge_member_get_cvr (member);
  cvr = member_slot (self, index)->cvr;
  if (cvr == 0)
    return NULL;
  g_snprintf (buf, 9, "%08u", cvr);
  return buf;
}

KlyngeMemberKind
_klynge_landscape_member_kind (KlyngeLandscape *self,
                               guint32          index)
{
  KlyngeMember *member = _klynge_landscape_peek_member_object (self, index);

  return member != NULL ? klynge_member_get_kind (member) : member_slot (self, index)->kind;
}

KlyngeMemberSize
_klynge_landscape_member_size (KlyngeLandscape *self,
                               guint32          index)
{
  KlyngeMember *member = _klynge_landscape_peek_member_object (self, index);

  return member != NULL ? klynge_member_get_size (member) : member_slot (self, index)->size;
}

/* --- records ----------------------------------------------------------- */

KlyngeOrgEntry *
_klynge_landscape_get_org_entry (KlyngeLandscape *self,
                                 const char      *id)
{
  gpointer value = g_hash_table_lookup (self->ids, id);

  if (value == NULL || KLYNGE_IS_MEMBER_TAG (value) || !KLYNGE_IS_ORGANISATION (value))
    return NULL;
  return g_hash_table_lookup (self->org_entries, value);
}

gboolean
_klynge_landscape_resolve (KlyngeLandscape *self,
                           const char      *target,
                           GType            expected,
                           KlyngeError     *code)
{
  gpointer value = _klynge_landscape_lookup_id (self, target);
  GType found;

  if (value == NULL)
    {
      *code = KLYNGE_ERROR_UNRESOLVED_REFERENCE;
      return FALSE;
    }
  found = KLYNGE_IS_MEMBER_TAG (value) ? KLYNGE_TYPE_MEMBER : G_OBJECT_TYPE (value);
  if (!g_type_is_a (found, expected))
    {
      *code = KLYNGE_ERROR_WRONG_REFERENCE_KIND;
      return FALSE;
    }
  return TRUE;
}

void
_klynge_landscape_foreach_record (KlyngeLandscape *self,
                                  GFunc            func,
                                  gpointer         user_data)
{
  g_ptr_array_foreach (self->funding_sources, func, user_data);
  for (guint i = 0; i < self->organisations->len; i++)
    func (((KlyngeOrgEntry *) g_ptr_array_index (self->organisations, i))->organisation, user_data);
  g_ptr_array_foreach (self->contracts, func, user_data);
  g_ptr_array_foreach (self->programmes, func, user_data);
  g_ptr_array_foreach (self->mergers, func, user_data);
  g_ptr_array_foreach (self->initiatives, func, user_data);
}

static GPtrArray *
list_for_type (KlyngeLandscape *self,
               GType            type)
{
  if (type == KLYNGE_TYPE_FUNDING_SOURCE)
    return self->funding_sources;
  if (type == KLYNGE_TYPE_CONTRACT)
    return self->contracts;
  if (type == KLYNGE_TYPE_PROGRAMME)
    return self->programmes;
  if (type == KLYNGE_TYPE_MERGER)
    return self->mergers;
  if (type == KLYNGE_TYPE_INITIATIVE)
    return self->initiatives;
  return NULL;
}

void
_klynge_landscape_add_record_unchecked (KlyngeLandscape *self,
                                        KlyngeRecord    *record)
{
  GType type = G_OBJECT_TYPE (record);

  if (type == KLYNGE_TYPE_ORGANISATION)
    {
      KlyngeOrgEntry *entry = g_new0 (KlyngeOrgEntry, 1);

      entry->organisation = g_object_ref (KLYNGE_ORGANISATION (record));
      entry->index = self->organisations->len;
      _klynge_membership_store_add_org (&self->store, entry);
      g_ptr_array_add (self->organisations, entry);
      g_hash_table_insert (self->org_entries, record, entry);
    }
  else if (type == KLYNGE_TYPE_MEMBER)
    {
      KlyngeMember *member = KLYNGE_MEMBER (record);
      KlyngeMemberValues values;
      guint32 index;

      values.id = klynge_record_get_id (record);
      values.id_len = strlen (values.id);
      values.name = klynge_member_get_name (member);
      values.name_len = values.name != NULL ? strlen (values.name) : 0;
      values.cvr = parse_cvr_number (klynge_member_get_cvr (member));
      values.kind = klynge_member_get_kind (member);
      values.size = klynge_member_get_size (member);
      index = _klynge_membership_store_add_member (&self->store, &values);
      /* The caller's object stays authoritative: its later edits show. */
      _klynge_landscape_attach_member_object (self, index, member);
      return;
    }
  else
    {
      g_ptr_array_add (list_for_type (self, type), g_object_ref (record));
    }
  g_hash_table_insert (self->ids, (gpointer) klynge_record_get_id (record), record);
}

/**
 * klynge_landscape_add:
 * @self: a landscape
 * @record: (transfer none): a record of any kind
 *
 * Adds @record; the landscape takes a reference. Fails, changing nothing,
 * with %KLYNGE_ERROR_MISSING_ATTRIBUTE when it lacks its id, a reference
 * the format requires (a contract's holder, a merger's successor, an
 * initiative's host) or a required date, with %KLYNGE_ERROR_MISSING_ELEMENT
 * when it lacks its name or title, with
 * %KLYNGE_ERROR_DUPLICATE_ID when its id is taken, and with
 * %KLYNGE_ERROR_UNRESOLVED_REFERENCE or %KLYNGE_ERROR_WRONG_REFERENCE_KIND
 * when a record it names (a contract's holder, say) is not in the
 * landscape or is of the wrong kind: add records in the order the format
 * lists them, except that a programme a contract names goes in before the
 * contract (programmes name only funding sources and organisations). A
 * programme needs its name (%KLYNGE_ERROR_MISSING_ELEMENT). A contract's shares must sum to 100 %
 * (%KLYNGE_ERROR_SHARES_NOT_100) and a merger must have enough
 * predecessors (%KLYNGE_ERROR_TOO_FEW_PARTIES) and, for a rename, only
 * one (%KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS).
 *
 * Returns: %TRUE when added
 */
gboolean
klynge_landscape_add (KlyngeLandscape  *self,
                      KlyngeRecord     *record,
                      GError          **error)
{
  const char *id;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (KLYNGE_IS_RECORD (record), FALSE);
  /* the seven kinds of the format; a landscape has nowhere to keep others */
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (record) || KLYNGE_IS_MEMBER (record)
                        || list_for_type (self, G_OBJECT_TYPE (record)) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_record_check_complete (record, error))
    return FALSE;
  id = klynge_record_get_id (record);
  if (_klynge_landscape_lookup_id (self, id) != NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_ID,
                   "the id “%s” is already used in the landscape", id);
      return FALSE;
    }
  if (!_klynge_landscape_check_references_of (self, record, error))
    return FALSE;

  _klynge_landscape_add_record_unchecked (self, record);
  return TRUE;
}

/**
 * klynge_landscape_lookup:
 * @self: a landscape
 * @id: an id
 *
 * Finds the record with @id, of whatever kind.
 *
 * Returns: (transfer none) (nullable): the record, or %NULL
 */
KlyngeRecord *
klynge_landscape_lookup (KlyngeLandscape *self,
                         const char      *id)
{
  gpointer value;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  value = _klynge_landscape_lookup_id (self, id);
  if (value == NULL)
    return NULL;
  if (KLYNGE_IS_MEMBER_TAG (value))
    return KLYNGE_RECORD (_klynge_landscape_get_member_object (self, KLYNGE_MEMBER_TAG_INDEX (value)));
  return value;
}

/* Whether @record has @scheme:@value, valid on @date (any time when NULL);
 * an organisation's `cvr` attribute counts as a CVR identifier without
 * dates. */
static gboolean
record_has_identifier (KlyngeRecord           *record,
                       KlyngeIdentifierScheme  scheme,
                       const char             *value,
                       const KlyngeDate       *date)
{
  GPtrArray *identifiers = _klynge_record_get_identifiers (record);

  if (scheme == KLYNGE_IDENTIFIER_SCHEME_CVR && KLYNGE_IS_ORGANISATION (record))
    {
      const char *cvr = klynge_organisation_get_cvr (KLYNGE_ORGANISATION (record));

      if (cvr != NULL && strcmp (cvr, value) == 0)
        return TRUE;
    }
  for (guint i = 0; identifiers != NULL && i < identifiers->len; i++)
    if (_klynge_identifier_matches (g_ptr_array_index (identifiers, i), scheme, value, date))
      return TRUE;
  return FALSE;
}

/**
 * klynge_landscape_lookup_identifier:
 * @self: a landscape
 * @scheme: the register
 * @value: the identifier in it, such as a CVR number or a LEI
 * @date: (nullable): the date on which the identifier must be valid, or
 *   %NULL for any time
 *
 * Finds the organisation or funding source that carries the identifier
 * @value in @scheme, certainly valid throughout @date when it is given (see
 * klynge_identifier_is_valid_on()). An organisation's `cvr` attribute
 * counts as a CVR identifier valid at any time. When several records
 * carry it (klynge_landscape_validate() reports that as
 * %KLYNGE_ERROR_DUPLICATE_IDENTIFIER), the first in landscape order
 * wins: funding sources before organisations, each in their order.
 *
 * This reads the records one by one rather than an index: landscapes
 * hold few organisations and funding sources (their members, by the
 * million, carry no identifiers), and a scan keeps no state, so any
 * number of threads may call it at once, as with every read.
 *
 * Returns: (transfer none) (nullable): the record, or %NULL when none
 *   carries the identifier then
 */
KlyngeRecord *
klynge_landscape_lookup_identifier (KlyngeLandscape        *self,
                                    KlyngeIdentifierScheme  scheme,
                                    const char             *value,
                                    const KlyngeDate       *date)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail ((guint) scheme <= KLYNGE_IDENTIFIER_SCHEME_OTHER, NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (date == NULL || klynge_date_is_set (date), NULL);

  for (guint i = 0; i < self->funding_sources->len; i++)
    if (record_has_identifier (g_ptr_array_index (self->funding_sources, i), scheme, value, date))
      return g_ptr_array_index (self->funding_sources, i);
  for (guint i = 0; i < self->organisations->len; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (self->organisations, i);

      if (record_has_identifier (KLYNGE_RECORD (entry->organisation), scheme, value, date))
        return KLYNGE_RECORD (entry->organisation);
    }
  return NULL;
}

/**
 * klynge_landscape_contains:
 * @self: a landscape
 * @id: an id
 *
 * Returns: whether a record has @id; unlike klynge_landscape_lookup() this
 *   never creates a member object
 */
gboolean
klynge_landscape_contains (KlyngeLandscape *self,
                           const char      *id)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  return _klynge_landscape_lookup_id (self, id) != NULL;
}

/**
 * klynge_landscape_count:
 * @self: a landscape
 * @kind: a record type such as %KLYNGE_TYPE_ORGANISATION, or
 *   %KLYNGE_TYPE_RECORD for all
 *
 * Returns: how many records of @kind the landscape holds
 */
guint
klynge_landscape_count (KlyngeLandscape *self,
                        GType            kind)
{
  GPtrArray *list;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), 0);

  if (kind == KLYNGE_TYPE_RECORD)
    return self->funding_sources->len + _klynge_membership_store_count_members (&self->store)
      + self->organisations->len
      + self->contracts->len + self->programmes->len + self->mergers->len
      + self->initiatives->len;
  if (kind == KLYNGE_TYPE_ORGANISATION)
    return self->organisations->len;
  if (kind == KLYNGE_TYPE_MEMBER)
    return _klynge_membership_store_count_members (&self->store);
  list = list_for_type (self, kind);
  g_return_val_if_fail (list != NULL, 0);
  return list->len;
}

static void
append_refs (GPtrArray *out,
             GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (records, i)));
}

/**
 * klynge_landscape_list:
 * @self: a landscape
 * @kind: a record type such as %KLYNGE_TYPE_CONTRACT, or %KLYNGE_TYPE_RECORD
 *   for all of them in the order of the format's sections
 *
 * Lists the records of @kind in the order they were added. Listing members
 * creates an object for each, which costs memory on a large landscape;
 * klynge_landscape_count() does not.
 *
 * Returns: (transfer container) (element-type KlyngeRecord): the records;
 *   the array holds a reference on each, dropped when it is freed
 */
GPtrArray *
klynge_landscape_list (KlyngeLandscape *self,
                       GType            kind)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (g_type_is_a (kind, KLYNGE_TYPE_RECORD), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_FUNDING_SOURCE)
    append_refs (out, self->funding_sources);
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_MEMBER)
    for (guint32 i = 0; i < _klynge_membership_store_n_member_slots (&self->store); i++)
      if (_klynge_membership_store_member_present (&self->store, i))
        g_ptr_array_add (out, g_object_ref (_klynge_landscape_get_member_object (self, i)));
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_ORGANISATION)
    for (guint i = 0; i < self->organisations->len; i++)
      g_ptr_array_add (out, g_object_ref (((KlyngeOrgEntry *) g_ptr_array_index (self->organisations, i))->organisation));
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_CONTRACT)
    append_refs (out, self->contracts);
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_PROGRAMME)
    append_refs (out, self->programmes);
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_MERGER)
    append_refs (out, self->mergers);
  if (kind == KLYNGE_TYPE_RECORD || kind == KLYNGE_TYPE_INITIATIVE)
    append_refs (out, self->initiatives);
  return out;
}

gboolean
_klynge_landscape_filter_matches (KlyngeLandscape *self,
                                  KlyngeOrgEntry  *entry,
                                  KlyngeFilter    *filter)
{
  const KlyngeDate *active_on = _klynge_filter_get_active_on (filter);
  KlyngeOrganisationStatus status = KLYNGE_ORGANISATION_STATUS_ACTIVE;

  if (active_on != NULL)
    status = _klynge_landscape_status_of (self, entry, active_on, NULL);
  return _klynge_filter_matches_status (filter, entry->organisation, status);
}

/**
 * klynge_landscape_get_programmes:
 * @self: a landscape
 *
 * Returns: (transfer container) (element-type KlyngeProgramme): the
 *   programmes, in the order they were added; the array holds a reference
 *   on each
 */
GPtrArray *
klynge_landscape_get_programmes (KlyngeLandscape *self)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  append_refs (out, self->programmes);
  return out;
}

/**
 * klynge_landscape_list_organisations:
 * @self: a landscape
 * @filter: (nullable): conditions, or %NULL for all organisations
 *
 * An organisation's status on the filter's active-on date is
 * klynge_landscape_get_status(): one whose status is not known is not
 * listed as active (see klynge_filter_set_include_not_known()).
 *
 * The listing does not check the filter's values: a focus area or city
 * that names nothing the landscape knows matches no organisation and
 * gives an empty array, as a value that names something no organisation
 * matches does. Call klynge_filter_check() first to tell the two apart,
 * as `klynge list` does.
 *
 * Returns: (transfer container) (element-type KlyngeOrganisation): the
 *   organisations that match, in the order they were added; the array
 *   holds a reference on each
 */
GPtrArray *
klynge_landscape_list_organisations (KlyngeLandscape *self,
                                     KlyngeFilter    *filter)
{
  GPtrArray *out;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->organisations->len; i++)
    {
      KlyngeOrgEntry *entry = g_ptr_array_index (self->organisations, i);

      if (_klynge_landscape_filter_matches (self, entry, filter))
        g_ptr_array_add (out, g_object_ref (entry->organisation));
    }
  return out;
}

typedef struct {
  const char *target;
  gboolean found;
} FindRefData;

static gboolean
find_reference (KlyngeRecord *from,
                const char   *target,
                GType         expected,
                const char   *attribute,
                gpointer      user_data)
{
  FindRefData *data = user_data;

  if (g_strcmp0 (target, data->target) == 0)
    {
      data->found = TRUE;
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  GPtrArray *out;
  const char *id;
} ReferrersData;

static void
add_if_referrer (gpointer record,
                 gpointer user_data)
{
  ReferrersData *referrers = user_data;
  FindRefData data = { referrers->id, FALSE };

  _klynge_record_foreach_reference (record, find_reference, &data);
  if (data.found)
    g_ptr_array_add (referrers->out, g_object_ref (record));
}

/**
 * klynge_landscape_list_referrers:
 * @self: a landscape
 * @id: an id
 *
 * Lists the records that refer to @id: contracts, mergers and initiatives
 * naming an organisation, contracts naming a funding source or renewed by
 * another, initiatives replaced by another, programmes designating an
 * organisation or holding an envelope of a funding source, contracts
 * naming a programme, the organisations a member has memberships of and
 * the initiatives it takes part in.
 *
 * Returns: (transfer container) (element-type KlyngeRecord): the records,
 *   in landscape order; the array holds a reference on each
 */
GPtrArray *
klynge_landscape_list_referrers (KlyngeLandscape *self,
                                 const char      *id)
{
  GPtrArray *out;
  guint32 member;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (_klynge_landscape_find_member (self, id, &member))
    {
      for (guint i = 0; i < self->organisations->len; i++)
        {
          KlyngeOrgEntry *entry = g_ptr_array_index (self->organisations, i);
          if (_klynge_membership_store_org_has_member (entry, member))
            g_ptr_array_add (out, g_object_ref (entry->organisation));
        }
      /* and the initiatives it takes part in, which come after */
    }
  _klynge_landscape_foreach_record (self, add_if_referrer, &(ReferrersData) { out, id });
  return out;
}

/**
 * klynge_landscape_remove:
 * @self: a landscape
 * @id: the id of a record
 *
 * Removes a record, with an organisation's memberships. Refused, changing
 * nothing, with %KLYNGE_ERROR_NOT_FOUND when no record has @id and with
 * %KLYNGE_ERROR_REFERENCED, naming them, when other records refer to it
 * (see klynge_landscape_list_referrers()).
 *
 * Returns: %TRUE when removed
 */
gboolean
klynge_landscape_remove (KlyngeLandscape  *self,
                         const char       *id,
                         GError          **error)
{
  g_autoptr(GPtrArray) referrers = NULL;
  gpointer value;
  GPtrArray *list;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  value = _klynge_landscape_lookup_id (self, id);
  if (value == NULL)
    {
      /* the caller's bytes, which need not be UTF-8; a message is */
      g_autofree char *shown = g_utf8_make_valid (id, -1);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   "no record has the id “%s”", shown);
      return FALSE;
    }
  referrers = klynge_landscape_list_referrers (self, id);
  if (referrers->len > 0)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < referrers->len && i < 5; i++)
        g_string_append_printf (names, "%s%s “%s”", i > 0 ? ", " : "",
                                klynge_record_get_kind_name (g_ptr_array_index (referrers, i)),
                                klynge_record_get_id (g_ptr_array_index (referrers, i)));
      if (referrers->len > 5)
        g_string_append_printf (names, " and %u more", referrers->len - 5);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_REFERENCED,
                   "“%s” cannot be removed: %s refer%s to it", id, names->str,
                   referrers->len == 1 ? "s" : "");
      g_string_free (names, TRUE);
      return FALSE;
    }

  if (KLYNGE_IS_MEMBER_TAG (value))
    {
      guint32 index = KLYNGE_MEMBER_TAG_INDEX (value);

      _klynge_landscape_attach_member_object (self, index, NULL);
      _klynge_membership_store_remove_member (&self->store, index);
      return TRUE;
    }

  if (KLYNGE_IS_ORGANISATION (value))
    {
      KlyngeOrgEntry *entry = g_hash_table_lookup (self->org_entries, value);
      guint position = entry->index;

      _klynge_membership_store_remove_org (&self->store, entry);
      g_hash_table_remove (self->ids, id);
      g_hash_table_remove (self->org_entries, value);
      g_ptr_array_remove_index (self->organisations, position);
      for (guint i = position; i < self->organisations->len; i++)
        ((KlyngeOrgEntry *) g_ptr_array_index (self->organisations, i))->index = i;
      return TRUE;
    }

  list = list_for_type (self, G_OBJECT_TYPE (value));
  g_hash_table_remove (self->ids, id);
  g_ptr_array_remove (list, value);
  return TRUE;
}

/* --- memberships ------------------------------------------------------- */

/* Refuses @id, which is not the @what the call needs: the wrong kind of
 * record, or none. The id is the caller's bytes, which need not be
 * UTF-8; a message is. */
void
_klynge_landscape_refuse_reference (KlyngeLandscape  *self,
                                    const char       *id,
                                    const char       *what,
                                    GError          **error)
{
  g_autofree char *shown = g_utf8_make_valid (id, -1);

  g_set_error (error, KLYNGE_ERROR,
               _klynge_landscape_lookup_id (self, id) != NULL
               ? KLYNGE_ERROR_WRONG_REFERENCE_KIND : KLYNGE_ERROR_UNRESOLVED_REFERENCE,
               "“%s” is not %s of the landscape", shown, what);
}

KlyngeOrgEntry *
_klynge_landscape_require_org_entry (KlyngeLandscape  *self,
                                     const char       *id,
                                     GError          **error)
{
  KlyngeOrgEntry *entry = _klynge_landscape_get_org_entry (self, id);

  if (entry == NULL)
    _klynge_landscape_refuse_reference (self, id, "an organisation", error);
  return entry;
}

static gboolean
require_member (KlyngeLandscape  *self,
                const char       *id,
                guint32          *index,
                GError          **error)
{
  if (_klynge_landscape_find_member (self, id, index))
    return TRUE;
  _klynge_landscape_refuse_reference (self, id, "a member", error);
  return FALSE;
}

/**
 * klynge_landscape_add_membership:
 * @self: a landscape
 * @organisation: an organisation's id
 * @member: a member's id
 * @since: (nullable): when the membership began
 * @until: (nullable): its last day; a partial date stands for its last day
 *
 * Records that @member is a member of @organisation. A member may have
 * several memberships of one organisation (leaving and joining again), but
 * not two since the same date (%KLYNGE_ERROR_DUPLICATE_MEMBERSHIP). Fails
 * with %KLYNGE_ERROR_UNRESOLVED_REFERENCE or
 * %KLYNGE_ERROR_WRONG_REFERENCE_KIND for ids that are not an organisation
 * and a member, and with %KLYNGE_ERROR_BAD_PERIOD when @until is before
 * @since. The membership has the role %KLYNGE_MEMBERSHIP_ROLE_MEMBER and
 * no end reason; see klynge_landscape_add_membership_full().
 *
 * Returns: %TRUE when added
 */
gboolean
klynge_landscape_add_membership (KlyngeLandscape   *self,
                                 const char        *organisation,
                                 const char        *member,
                                 const KlyngeDate  *since,
                                 const KlyngeDate  *until,
                                 GError           **error)
{
  return klynge_landscape_add_membership_full (self, organisation, member, since, until,
                                               KLYNGE_MEMBERSHIP_ROLE_MEMBER,
                                               KLYNGE_MEMBERSHIP_END_NONE, error);
}

/**
 * klynge_landscape_add_membership_full:
 * @self: a landscape
 * @organisation: an organisation's id
 * @member: a member's id
 * @since: (nullable): when the membership began
 * @until: (nullable): its last day; a partial date stands for its last day
 * @role: what the member is to the organisation
 * @end: why the membership ended, or %KLYNGE_MEMBERSHIP_END_NONE
 *
 * As klynge_landscape_add_membership(), with a role and an end reason
 * (format version 2: a landscape holding either is saved as version 2).
 * An end reason needs an until date
 * (%KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL).
 *
 * Returns: %TRUE when added
 */
gboolean
klynge_landscape_add_membership_full (KlyngeLandscape      *self,
                                      const char           *organisation,
                                      const char           *member,
                                      const KlyngeDate     *since,
                                      const KlyngeDate     *until,
                                      KlyngeMembershipRole  role,
                                      KlyngeMembershipEnd   end,
                                      GError              **error)
{
  KlyngeMembershipSlot slot;
  KlyngeOrgEntry *entry;
  guint32 index;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (organisation != NULL && member != NULL, FALSE);
  g_return_val_if_fail (role <= KLYNGE_MEMBERSHIP_ROLE_PARTICIPANT, FALSE);
  g_return_val_if_fail (end <= KLYNGE_MEMBERSHIP_END_UNKNOWN, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = _klynge_landscape_require_org_entry (self, organisation, error);
  if (entry == NULL || !require_member (self, member, &index, error))
    return FALSE;
  if (!_klynge_membership_check_end (member, until, end, error))
    return FALSE;
  if (since != NULL && until != NULL && klynge_date_is_set (since) && klynge_date_is_set (until)
      && klynge_date_get_last_day (until) < klynge_date_get_first_day (since))
    {
      g_autofree char *s = klynge_date_to_string (since);
      g_autofree char *u = klynge_date_to_string (until);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD,
                   "membership of “%s” in “%s” ends (%s) before it begins (%s)",
                   member, organisation, u, s);
      return FALSE;
    }

  _klynge_membership_slot_init (&slot, index, since, until, role, end);
  if (!_klynge_membership_store_insert (&self->store, entry, &slot))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_MEMBERSHIP,
                   "member “%s” already has a membership of “%s” since that date",
                   member, organisation);
      return FALSE;
    }
  return TRUE;
}

/**
 * klynge_landscape_remove_membership:
 * @self: a landscape
 * @organisation: an organisation's id
 * @member: a member's id
 * @since: (nullable): the membership's since date; %NULL removes every
 *   membership of @member in @organisation
 *
 * Removes memberships; %KLYNGE_ERROR_NOT_FOUND when there is none to
 * remove.
 *
 * Returns: %TRUE when at least one was removed
 */
gboolean
klynge_landscape_remove_membership (KlyngeLandscape   *self,
                                    const char        *organisation,
                                    const char        *member,
                                    const KlyngeDate  *since,
                                    GError           **error)
{
  KlyngeOrgEntry *entry;
  guint32 index;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), FALSE);
  g_return_val_if_fail (organisation != NULL && member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = _klynge_landscape_require_org_entry (self, organisation, error);
  if (entry == NULL || !require_member (self, member, &index, error))
    return FALSE;
  if (_klynge_membership_store_remove (&self->store, entry, index, since) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   "“%s” has no such membership of “%s”", member, organisation);
      return FALSE;
    }
  return TRUE;
}

/**
 * klynge_landscape_count_memberships:
 * @self: a landscape
 *
 * Returns: how many memberships the landscape holds
 */
guint
klynge_landscape_count_memberships (KlyngeLandscape *self)
{
  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), 0);
  return _klynge_membership_store_count_memberships (&self->store);
}

static KlyngeMembership *
membership_value (KlyngeLandscape            *self,
                  KlyngeOrgEntry             *entry,
                  const KlyngeMembershipSlot *slot)
{
  KlyngeDate since, until;

  _klynge_membership_slot_get_dates (slot, &since, &until);
  return klynge_membership_new_full (klynge_record_get_id (KLYNGE_RECORD (entry->organisation)),
                                     _klynge_landscape_member_id (self, slot->member), &since, &until,
                                     _klynge_membership_slot_get_role (slot),
                                     _klynge_membership_slot_get_end (slot));
}

/**
 * klynge_landscape_list_memberships_of_organisation:
 * @self: a landscape
 * @organisation: an organisation's id
 *
 * Returns: (transfer container) (element-type KlyngeMembership) (nullable):
 *   its memberships, ordered by member (in the order members were added)
 *   and then by since date; %NULL when @organisation is not an
 *   organisation of the landscape. The array frees its elements.
 */
GPtrArray *
klynge_landscape_list_memberships_of_organisation (KlyngeLandscape *self,
                                                   const char      *organisation)
{
  const KlyngeMembershipSlot *slots;
  KlyngeOrgEntry *entry;
  GPtrArray *out;
  guint n;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  entry = _klynge_landscape_get_org_entry (self, organisation);
  if (entry == NULL)
    return NULL;
  slots = _klynge_membership_store_org_slots (entry, &n);
  out = g_ptr_array_new_full (n, (GDestroyNotify) klynge_membership_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, membership_value (self, entry, &slots[i]));
  return out;
}

/**
 * klynge_landscape_list_memberships_of_member:
 * @self: a landscape
 * @member: a member's id
 *
 * Returns: (transfer container) (element-type KlyngeMembership) (nullable):
 *   the member's memberships, ordered by organisation (in landscape order)
 *   and then by since date; %NULL when @member is not a member of the
 *   landscape. The array frees its elements.
 */
GPtrArray *
klynge_landscape_list_memberships_of_member (KlyngeLandscape *self,
                                             const char      *member)
{
  const guint32 *orgs;
  GPtrArray *out;
  guint32 index;
  guint32 last_org = G_MAXUINT32;
  guint n_orgs;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  if (!_klynge_landscape_find_member (self, member, &index))
    return NULL;
  _klynge_membership_store_index_by_member (&self->store, self->organisations);
  orgs = _klynge_membership_store_orgs_of_member (&self->store, index, &n_orgs);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_membership_free);
  for (guint k = 0; k < n_orgs; k++)
    {
      guint32 org = orgs[k];
      const KlyngeMembershipSlot *slots;
      KlyngeOrgEntry *entry;
      guint n;

      /* an organisation appears once per membership: list them all once */
      if (org == last_org)
        continue;
      last_org = org;
      entry = g_ptr_array_index (self->organisations, org);
      slots = _klynge_membership_store_org_slots (entry, &n);
      for (guint i = 0; i < n; i++)
        if (slots[i].member == index)
          g_ptr_array_add (out, membership_value (self, entry, &slots[i]));
    }
  return out;
}

/**
 * klynge_landscape_list_members_of:
 * @self: a landscape
 * @organisation: an organisation's id
 * @active_on: (nullable): only members whose membership covers this date
 *
 * Returns: (transfer container) (element-type KlyngeMember) (nullable): the
 *   distinct members of @organisation, in the order members were added;
 *   %NULL when @organisation is not an organisation of the landscape. The
 *   array holds a reference on each.
 */
GPtrArray *
klynge_landscape_list_members_of (KlyngeLandscape  *self,
                                  const char       *organisation,
                                  const KlyngeDate *active_on)
{
  const KlyngeMembershipSlot *slots;
  KlyngeOrgEntry *entry;
  GPtrArray *out;
  guint n;
  guint32 last = G_MAXUINT32;
  guint32 day = active_on != NULL ? klynge_date_get_first_day (active_on) : 0;

  g_return_val_if_fail (KLYNGE_IS_LANDSCAPE (self), NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  entry = _klynge_landscape_get_org_entry (self, organisation);
  if (entry == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_object_unref);
  slots = _klynge_membership_store_org_slots (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      const KlyngeMembershipSlot *slot = &slots[i];

      if (slot->member == last)
        continue;
      if (active_on != NULL && klynge_date_is_set (active_on)
          && !_klynge_membership_slot_active_on (slot, day))
        continue;
      last = slot->member;
      g_ptr_array_add (out, g_object_ref (_klynge_landscape_get_member_object (self, slot->member)));
    }
  return out;
}
