/* klynge-funding-source.c: the bodies whose money funds the landscape
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-record-private.h"

/**
 * KlyngeFundingSource:
 *
 * A body whose money funds organisations through contracts, such as
 * Erhvervsstyrelsen: its name, kind and, optionally, its parent ministry
 * and its identifiers in outside registers.
 */
struct _KlyngeFundingSource
{
  KlyngeRecord parent_instance;

  char *name;
  KlyngeFundingSourceKind kind;
  char *parent;
  GPtrArray *identifiers;       /* (element-type KlyngeIdentifier) */
};

G_DEFINE_FINAL_TYPE (KlyngeFundingSource, klynge_funding_source, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_funding_source_finalize (GObject *object)
{
  KlyngeFundingSource *self = KLYNGE_FUNDING_SOURCE (object);

  g_free (self->name);
  g_free (self->parent);
  g_ptr_array_unref (self->identifiers);

  G_OBJECT_CLASS (klynge_funding_source_parent_class)->finalize (object);
}

static void
klynge_funding_source_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KlyngeFundingSource *self = KLYNGE_FUNDING_SOURCE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PARENT:
      g_value_set_string (value, self->parent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_funding_source_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KlyngeFundingSource *self = KLYNGE_FUNDING_SOURCE (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_NAME:
      klynge_funding_source_set_name (self, g_value_get_string (value), &error);
      break;
    case PROP_KIND:
      klynge_funding_source_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PARENT:
      klynge_funding_source_set_parent (self, g_value_get_string (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

/* Identifiers are new in version 2 of the format. */
static guint
klynge_funding_source_format_version (KlyngeRecord *record)
{
  return KLYNGE_FUNDING_SOURCE (record)->identifiers->len > 0 ? 2 : 1;
}

static GPtrArray *
klynge_funding_source_identifiers (KlyngeRecord *record)
{
  return KLYNGE_FUNDING_SOURCE (record)->identifiers;
}

static void
klynge_funding_source_class_init (KlyngeFundingSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_funding_source_finalize;
  object_class->get_property = klynge_funding_source_get_property;
  object_class->set_property = klynge_funding_source_set_property;

  record_class->element_name = "funding-source";
  record_class->format_version = klynge_funding_source_format_version;
  record_class->get_identifiers = klynge_funding_source_identifiers;

  /**
   * KlyngeFundingSource:name:
   *
   * The name of the funding source; non-empty.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeFundingSource:kind:
   *
   * What the funding source is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KLYNGE_TYPE_FUNDING_SOURCE_KIND,
                       KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeFundingSource:parent:
   *
   * The name of the parent ministry or body, or %NULL.
   */
  properties[PROP_PARENT] =
    g_param_spec_string ("parent", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_funding_source_init (KlyngeFundingSource *self)
{
  self->identifiers = _klynge_identifier_list_new ();
}

/**
 * klynge_funding_source_new:
 * @id: the identifier, an XML NCName
 * @kind: what the funding source is
 * @name: the name; non-empty
 *
 * Creates a funding source with no parent. An invalid @id, @kind or @name
 * is a programmer error; check data from elsewhere with
 * klynge_id_is_valid() and klynge_text_is_valid() first.
 *
 * Returns: (transfer full): a new #KlyngeFundingSource
 */
KlyngeFundingSource *
klynge_funding_source_new (const char              *id,
                           KlyngeFundingSourceKind  kind,
                           const char              *name)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0' &&
                        klynge_text_is_valid (name, -1), NULL);

  return g_object_new (KLYNGE_TYPE_FUNDING_SOURCE,
                       "id", id,
                       "kind", kind,
                       "name", name,
                       NULL);
}

/**
 * klynge_funding_source_get_name:
 * @self: a #KlyngeFundingSource
 *
 * Returns: (transfer none): the name
 */
const char *
klynge_funding_source_get_name (KlyngeFundingSource *self)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self), NULL);

  return self->name;
}

/**
 * klynge_funding_source_set_name:
 * @self: a #KlyngeFundingSource
 * @name: the name; non-empty
 * @error: return location for a #GError, or %NULL
 *
 * Sets the name. Fails with %KLYNGE_ERROR_BAD_VALUE when @name is empty
 * and %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds
 * characters XML cannot carry, leaving the name as it was. A %NULL @name
 * is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_funding_source_set_name (KlyngeFundingSource  *self,
                                const char           *name,
                                GError              **error)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->name, name,
                                    KLYNGE_STRING_TEXT, "name",
                                    properties[PROP_NAME], error);
}

/**
 * klynge_funding_source_get_kind:
 * @self: a #KlyngeFundingSource
 *
 * Returns: what the funding source is
 */
KlyngeFundingSourceKind
klynge_funding_source_get_kind (KlyngeFundingSource *self)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self),
                        KLYNGE_FUNDING_SOURCE_KIND_NATIONAL_AGENCY);

  return self->kind;
}

/**
 * klynge_funding_source_set_kind:
 * @self: a #KlyngeFundingSource
 * @kind: what the funding source is
 *
 * Sets the kind. A value that is not a #KlyngeFundingSourceKind is a
 * programmer error.
 */
void
klynge_funding_source_set_kind (KlyngeFundingSource     *self,
                                KlyngeFundingSourceKind  kind)
{
  g_return_if_fail (KLYNGE_IS_FUNDING_SOURCE (self));
  g_return_if_fail ((guint) kind <= KLYNGE_FUNDING_SOURCE_KIND_MEMBERSHIP_FEES);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->kind, kind,
                             properties[PROP_KIND]);
}

/**
 * klynge_funding_source_get_parent:
 * @self: a #KlyngeFundingSource
 *
 * Returns: (transfer none) (nullable): the name of the parent ministry or
 *   body, or %NULL
 */
const char *
klynge_funding_source_get_parent (KlyngeFundingSource *self)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self), NULL);

  return self->parent;
}

/**
 * klynge_funding_source_set_parent:
 * @self: a #KlyngeFundingSource
 * @parent: (nullable): the name of the parent ministry or body, such as
 *   `Erhvervsministeriet`, or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the parent. This is a name, not a reference to another record.
 * Fails with %KLYNGE_ERROR_BAD_VALUE when @parent is empty and
 * %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds characters XML
 * cannot carry, leaving the parent as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_funding_source_set_parent (KlyngeFundingSource  *self,
                                  const char           *parent,
                                  GError              **error)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->parent, parent,
                                    KLYNGE_STRING_TEXT, "parent",
                                    properties[PROP_PARENT], error);
}

/**
 * klynge_funding_source_get_identifiers:
 * @self: a #KlyngeFundingSource
 *
 * The identifiers in outside registers, in the order they were added.
 * The array belongs to @self; do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeIdentifier): the identifiers
 */
GPtrArray *
klynge_funding_source_get_identifiers (KlyngeFundingSource *self)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self), NULL);

  return self->identifiers;
}

/**
 * klynge_funding_source_add_identifier:
 * @self: a #KlyngeFundingSource
 * @identifier: (transfer none): a #KlyngeIdentifier
 * @error: return location for a #GError, or %NULL
 *
 * Appends @identifier, taking a reference to it. Fails as
 * klynge_organisation_add_identifier() does, adding nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_funding_source_add_identifier (KlyngeFundingSource  *self,
                                      KlyngeIdentifier     *identifier,
                                      GError              **error)
{
  g_return_val_if_fail (KLYNGE_IS_FUNDING_SOURCE (self), FALSE);

  return _klynge_identifier_list_add (self->identifiers, identifier, KLYNGE_RECORD (self), error);
}

/**
 * klynge_funding_source_clear_identifiers:
 * @self: a #KlyngeFundingSource
 *
 * Removes all identifiers.
 */
void
klynge_funding_source_clear_identifiers (KlyngeFundingSource *self)
{
  g_return_if_fail (KLYNGE_IS_FUNDING_SOURCE (self));

  g_ptr_array_set_size (self->identifiers, 0);
}
