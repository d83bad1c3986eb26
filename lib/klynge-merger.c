/* klynge-merger.c: consolidation events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-record-private.h"

/**
 * KlyngeMerger:
 *
 * A consolidation event: on its effective date its predecessors fold into
 * its successor, either a new organisation (a merger) or an existing one
 * (an absorption); or part of their activity moves to it (a transfer); or
 * one body goes on under a new record (a rename). Organisations are named
 * by id; whether the ids resolve is checked by the landscape. Predecessors
 * keep the order they were added in.
 */
struct _KlyngeMerger
{
  KlyngeRecord parent_instance;

  KlyngeMergerKind kind;
  KlyngeMergerStatus status;
  char *successor;
  KlyngeDate effective;
  GPtrArray *predecessors;      /* NULL-terminated, of owned strings */
};

G_DEFINE_FINAL_TYPE (KlyngeMerger, klynge_merger, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATUS,
  PROP_SUCCESSOR,
  PROP_EFFECTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_merger_finalize (GObject *object)
{
  KlyngeMerger *self = KLYNGE_MERGER (object);

  g_free (self->successor);
  g_ptr_array_unref (self->predecessors);

  G_OBJECT_CLASS (klynge_merger_parent_class)->finalize (object);
}

static void
klynge_merger_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlyngeMerger *self = KLYNGE_MERGER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SUCCESSOR:
      g_value_set_string (value, self->successor);
      break;
    case PROP_EFFECTIVE:
      _klynge_record_value_set_date (value, &self->effective);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_merger_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlyngeMerger *self = KLYNGE_MERGER (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_KIND:
      klynge_merger_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      klynge_merger_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SUCCESSOR:
      klynge_merger_set_successor (self, g_value_get_string (value), &error);
      break;
    case PROP_EFFECTIVE:
      klynge_merger_set_effective (self, g_value_get_boxed (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

static void
klynge_merger_foreach_reference (KlyngeRecord *record,
                                 GCallback     callback,
                                 gpointer      user_data)
{
  KlyngeReferenceFunc func = (KlyngeReferenceFunc) callback;
  KlyngeMerger *self = KLYNGE_MERGER (record);
  const char * const *predecessors = klynge_merger_get_predecessors (self);

  if (!func (record, self->successor, KLYNGE_TYPE_ORGANISATION, "successor", user_data))
    return;
  for (guint i = 0; predecessors[i] != NULL; i++)
    if (!func (record, predecessors[i], KLYNGE_TYPE_ORGANISATION, "predecessor", user_data))
      return;
}

/* The kinds transfer and rename and the status cancelled are format
 * version 2's. */
static guint
klynge_merger_format_version (KlyngeRecord *record)
{
  KlyngeMerger *self = KLYNGE_MERGER (record);

  if (self->kind == KLYNGE_MERGER_KIND_TRANSFER || self->kind == KLYNGE_MERGER_KIND_RENAME
      || self->status == KLYNGE_MERGER_STATUS_CANCELLED)
    return 2;
  return 1;
}

static void
klynge_merger_class_init (KlyngeMergerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_merger_finalize;
  object_class->get_property = klynge_merger_get_property;
  object_class->set_property = klynge_merger_set_property;

  record_class->element_name = "merger";
  record_class->foreach_reference = klynge_merger_foreach_reference;
  record_class->format_version = klynge_merger_format_version;

  /**
   * KlyngeMerger:kind:
   *
   * How the consolidation happens.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KLYNGE_TYPE_MERGER_KIND,
                       KLYNGE_MERGER_KIND_MERGER,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeMerger:status:
   *
   * Where the merger stands; %KLYNGE_MERGER_STATUS_PROPOSED for a new one.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       KLYNGE_TYPE_MERGER_STATUS,
                       KLYNGE_MERGER_STATUS_PROPOSED,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeMerger:successor:
   *
   * The id of the organisation the predecessors fold into.
   */
  properties[PROP_SUCCESSOR] =
    g_param_spec_string ("successor", NULL, NULL, NULL,
                         KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeMerger:effective:
   *
   * The date the merger takes effect.
   */
  properties[PROP_EFFECTIVE] =
    g_param_spec_boxed ("effective", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_merger_init (KlyngeMerger *self)
{
  self->status = KLYNGE_MERGER_STATUS_PROPOSED;
  self->predecessors = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * klynge_merger_new:
 * @id: the identifier, an XML NCName
 * @kind: how the consolidation happens
 * @successor: the id of the organisation the predecessors fold into
 * @effective: the date the merger takes effect; set and valid
 *
 * Creates a proposed merger with no predecessors. Add them with
 * klynge_merger_add_predecessor(). An invalid @id, @kind, @successor or
 * @effective is a programmer error.
 *
 * Returns: (transfer full): a new #KlyngeMerger
 */
KlyngeMerger *
klynge_merger_new (const char       *id,
                   KlyngeMergerKind  kind,
                   const char       *successor,
                   const KlyngeDate *effective)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, NULL);
  g_return_val_if_fail (klynge_id_is_valid (successor), NULL);
  g_return_val_if_fail (effective != NULL && klynge_date_is_set (effective) &&
                        klynge_date_is_valid (effective), NULL);

  return g_object_new (KLYNGE_TYPE_MERGER,
                       "id", id,
                       "kind", kind,
                       "successor", successor,
                       "effective", effective,
                       NULL);
}

/**
 * klynge_merger_kind_min_predecessors:
 * @kind: a kind of merger
 *
 * The fewest predecessors a merger of @kind can have: two for
 * %KLYNGE_MERGER_KIND_MERGER, which forms a new organisation out of
 * several, and one for the other kinds (an absorption folds into an
 * existing body; a transfer and a rename each need a giver). Loading,
 * validating, adding, checking and applying a merger all apply this
 * rule, with %KLYNGE_ERROR_TOO_FEW_PARTIES; so does a due-diligence
 * report, which is made for a merger. A value that is not a
 * #KlyngeMergerKind is a programmer error.
 *
 * Returns: the least number of predecessors
 */
guint
klynge_merger_kind_min_predecessors (KlyngeMergerKind kind)
{
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, 0);

  return kind == KLYNGE_MERGER_KIND_MERGER ? 2 : 1;
}

/**
 * klynge_merger_kind_max_predecessors:
 * @kind: a kind of merger
 *
 * The most predecessors a merger of @kind can have: one for
 * %KLYNGE_MERGER_KIND_RENAME (one body goes on under a new record), no
 * limit (%G_MAXUINT) for the other kinds. Loading, validating, adding,
 * checking and applying a merger all apply this rule, with
 * %KLYNGE_ERROR_MERGER_TOO_MANY_PREDECESSORS. A value that is not a
 * #KlyngeMergerKind is a programmer error.
 *
 * Returns: the largest number of predecessors
 */
guint
klynge_merger_kind_max_predecessors (KlyngeMergerKind kind)
{
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, 0);

  return kind == KLYNGE_MERGER_KIND_RENAME ? 1 : G_MAXUINT;
}

/**
 * klynge_merger_kind_consolidates:
 * @kind: a kind of merger
 *
 * Whether a merger of @kind consolidates bodies, so that it counts as a
 * merger: %TRUE for %KLYNGE_MERGER_KIND_MERGER and
 * %KLYNGE_MERGER_KIND_ABSORPTION, where several bodies become fewer;
 * %FALSE for a transfer (the giver lives on) and a rename (one body
 * before and after). A value that is not a #KlyngeMergerKind is a
 * programmer error.
 *
 * Returns: %TRUE when @kind consolidates bodies
 */
gboolean
klynge_merger_kind_consolidates (KlyngeMergerKind kind)
{
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, FALSE);

  return kind == KLYNGE_MERGER_KIND_MERGER || kind == KLYNGE_MERGER_KIND_ABSORPTION;
}

/**
 * klynge_merger_kind_ends_predecessors:
 * @kind: a kind of merger
 *
 * Whether a completed merger of @kind ends its predecessors' records: on
 * its effective date E each predecessor is dissolved on E − 1 and the
 * successor carries what ran past that (memberships, contracts,
 * initiatives, designations), and its status from E on is
 * %KLYNGE_ORGANISATION_STATUS_MERGED. %TRUE for a merger, an absorption
 * and a rename (whose one predecessor is the body's old record); %FALSE
 * for a transfer, whose givers live on and keep everything: the record
 * of a transfer does not say which part moved, so applying one moves
 * nothing. A value that is not a #KlyngeMergerKind is a programmer error.
 *
 * Returns: %TRUE when @kind ends its predecessors
 */
gboolean
klynge_merger_kind_ends_predecessors (KlyngeMergerKind kind)
{
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, FALSE);

  return kind != KLYNGE_MERGER_KIND_TRANSFER;
}

/**
 * klynge_merger_kind_forms_successor:
 * @kind: a kind of merger
 *
 * Whether the successor of a merger of @kind is a record that begins on
 * the effective date: %TRUE for a merger (a new organisation) and a
 * rename (the body's new record), whose successor must be founded on the
 * effective date and gets it as its founding date when applied without
 * one; %FALSE for an absorption and a transfer, whose successor already
 * exists. A value that is not a #KlyngeMergerKind is a programmer error.
 *
 * Returns: %TRUE when @kind's successor begins on the effective date
 */
gboolean
klynge_merger_kind_forms_successor (KlyngeMergerKind kind)
{
  g_return_val_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME, FALSE);

  return kind == KLYNGE_MERGER_KIND_MERGER || kind == KLYNGE_MERGER_KIND_RENAME;
}

/* Whether @self, completed, ends its predecessors: the test behind every
 * history that follows only the events which dissolve bodies (status on a
 * date, the checks of a merger yet to be applied, validation). */
gboolean
_klynge_merger_ends_predecessors (KlyngeMerger *self)
{
  return self->status == KLYNGE_MERGER_STATUS_COMPLETED
         && klynge_merger_kind_ends_predecessors (self->kind);
}

/**
 * klynge_merger_get_kind:
 * @self: a #KlyngeMerger
 *
 * Returns: how the consolidation happens
 */
KlyngeMergerKind
klynge_merger_get_kind (KlyngeMerger *self)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), KLYNGE_MERGER_KIND_MERGER);

  return self->kind;
}

/**
 * klynge_merger_set_kind:
 * @self: a #KlyngeMerger
 * @kind: how the consolidation happens
 *
 * Sets the kind. A value that is not a #KlyngeMergerKind is a programmer
 * error.
 */
void
klynge_merger_set_kind (KlyngeMerger     *self,
                        KlyngeMergerKind  kind)
{
  g_return_if_fail (KLYNGE_IS_MERGER (self));
  g_return_if_fail ((guint) kind <= KLYNGE_MERGER_KIND_RENAME);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->kind, kind,
                             properties[PROP_KIND]);
}

/**
 * klynge_merger_get_status:
 * @self: a #KlyngeMerger
 *
 * Returns: where the merger stands
 */
KlyngeMergerStatus
klynge_merger_get_status (KlyngeMerger *self)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), KLYNGE_MERGER_STATUS_PROPOSED);

  return self->status;
}

/**
 * klynge_merger_set_status:
 * @self: a #KlyngeMerger
 * @status: where the merger stands
 *
 * Sets the status. This only records it: applying a merger to a landscape
 * is klynge_landscape_apply_merger(). A `cancelled` merger changes
 * nothing: it cannot be applied, and status on a date, lineage, views and
 * validation pass over it. A value that is not a #KlyngeMergerStatus is
 * a programmer error.
 */
void
klynge_merger_set_status (KlyngeMerger       *self,
                          KlyngeMergerStatus  status)
{
  g_return_if_fail (KLYNGE_IS_MERGER (self));
  g_return_if_fail ((guint) status <= KLYNGE_MERGER_STATUS_CANCELLED);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->status, status,
                             properties[PROP_STATUS]);
}

/**
 * klynge_merger_get_successor:
 * @self: a #KlyngeMerger
 *
 * Returns: (transfer none): the id of the organisation the predecessors
 *   fold into
 */
const char *
klynge_merger_get_successor (KlyngeMerger *self)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), NULL);

  return self->successor;
}

/**
 * klynge_merger_set_successor:
 * @self: a #KlyngeMerger
 * @successor: the id of the organisation the predecessors fold into
 * @error: return location for a #GError, or %NULL
 *
 * Sets the successor. Fails with %KLYNGE_ERROR_BAD_ID when @successor is
 * not an XML NCName and with %KLYNGE_ERROR_INCONSISTENT when it is one of
 * the predecessors, leaving the successor as it was. A %NULL @successor is
 * a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_merger_set_successor (KlyngeMerger  *self,
                             const char    *successor,
                             GError       **error)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), FALSE);
  g_return_val_if_fail (successor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_check_id (successor, "successor", error))
    return FALSE;

  if (klynge_merger_has_predecessor (self, successor))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INCONSISTENT,
                   "“%s” cannot succeed merger “%s”: it is a predecessor",
                   successor, klynge_record_get_id (KLYNGE_RECORD (self)));
      return FALSE;
    }

  _klynge_record_store_string (G_OBJECT (self), &self->successor, successor,
                               properties[PROP_SUCCESSOR]);
  return TRUE;
}

/**
 * klynge_merger_get_effective:
 * @self: a #KlyngeMerger
 *
 * Returns: (transfer none): the date the merger takes effect
 */
const KlyngeDate *
klynge_merger_get_effective (KlyngeMerger *self)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), NULL);

  return &self->effective;
}

/**
 * klynge_merger_set_effective:
 * @self: a #KlyngeMerger
 * @effective: the date the merger takes effect
 * @error: return location for a #GError, or %NULL
 *
 * Sets the effective date. Fails with %KLYNGE_ERROR_BAD_DATE when
 * @effective is unset (a merger always has one) or does not exist,
 * leaving the date as it was. A %NULL @effective is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_merger_set_effective (KlyngeMerger      *self,
                             const KlyngeDate  *effective,
                             GError           **error)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), FALSE);
  g_return_val_if_fail (effective != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!klynge_date_is_set (effective) || !klynge_date_is_valid (effective))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_DATE,
                   "Merger “%s” needs a valid effective date",
                   klynge_record_get_id (KLYNGE_RECORD (self)));
      return FALSE;
    }

  _klynge_record_store_date (G_OBJECT (self), &self->effective, effective,
                             properties[PROP_EFFECTIVE]);
  return TRUE;
}

/**
 * klynge_merger_get_predecessors:
 * @self: a #KlyngeMerger
 *
 * The ids of the predecessors, in the order they were added. The array
 * belongs to @self and changes when predecessors are added or cleared.
 *
 * Returns: (array zero-terminated=1) (transfer none): the predecessors
 */
const char * const *
klynge_merger_get_predecessors (KlyngeMerger *self)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), NULL);

  return _klynge_strv_array_get (self->predecessors);
}

/**
 * klynge_merger_has_predecessor:
 * @self: a #KlyngeMerger
 * @id: the id of an organisation
 *
 * Returns: %TRUE when @id is one of the merger's predecessors
 */
gboolean
klynge_merger_has_predecessor (KlyngeMerger *self,
                               const char   *id)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return _klynge_strv_array_contains (self->predecessors, id);
}

/**
 * klynge_merger_add_predecessor:
 * @self: a #KlyngeMerger
 * @id: the id of an organisation that folds into the successor
 * @error: return location for a #GError, or %NULL
 *
 * Appends a predecessor. Fails with %KLYNGE_ERROR_BAD_ID when @id is not
 * an XML NCName, %KLYNGE_ERROR_INCONSISTENT when it is the successor, and
 * %KLYNGE_ERROR_DUPLICATE_ID when it is already a predecessor, leaving the
 * predecessors as they were. A %NULL @id is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_merger_add_predecessor (KlyngeMerger  *self,
                               const char    *id,
                               GError       **error)
{
  g_return_val_if_fail (KLYNGE_IS_MERGER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_check_id (id, "predecessor", error))
    return FALSE;

  if (g_strcmp0 (self->successor, id) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INCONSISTENT,
                   "“%s” cannot precede merger “%s”: it is the successor",
                   id, klynge_record_get_id (KLYNGE_RECORD (self)));
      return FALSE;
    }

  if (klynge_merger_has_predecessor (self, id))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_ID,
                   "“%s” is already a predecessor in merger “%s”",
                   id, klynge_record_get_id (KLYNGE_RECORD (self)));
      return FALSE;
    }

  g_ptr_array_add (self->predecessors, g_strdup (id));
  return TRUE;
}

/**
 * klynge_merger_clear_predecessors:
 * @self: a #KlyngeMerger
 *
 * Removes all predecessors.
 */
void
klynge_merger_clear_predecessors (KlyngeMerger *self)
{
  g_return_if_fail (KLYNGE_IS_MERGER (self));

  g_ptr_array_set_size (self->predecessors, 0);
}
