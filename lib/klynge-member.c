/* klynge-member.c: enterprises and knowledge institutions that are members
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-record-private.h"

/**
 * KlyngeMember:
 *
 * An enterprise, knowledge institution or public body that is a member of
 * organisations: its name, kind, size class and CVR number.
 *
 * A landscape stores its members compactly and creates #KlyngeMember
 * objects only when its API hands one out; the object is a snapshot of the
 * member, not a view of it.
 */
struct _KlyngeMember
{
  KlyngeRecord parent_instance;

  char *name;
  KlyngeMemberKind kind;
  KlyngeMemberSize size;
  char *cvr;
};

G_DEFINE_FINAL_TYPE (KlyngeMember, klynge_member, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_SIZE,
  PROP_CVR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_member_finalize (GObject *object)
{
  KlyngeMember *self = KLYNGE_MEMBER (object);

  g_free (self->name);
  g_free (self->cvr);

  G_OBJECT_CLASS (klynge_member_parent_class)->finalize (object);
}

static void
klynge_member_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlyngeMember *self = KLYNGE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SIZE:
      g_value_set_enum (value, self->size);
      break;
    case PROP_CVR:
      g_value_set_string (value, self->cvr);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_member_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlyngeMember *self = KLYNGE_MEMBER (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_NAME:
      klynge_member_set_name (self, g_value_get_string (value), &error);
      break;
    case PROP_KIND:
      klynge_member_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SIZE:
      klynge_member_set_size (self, g_value_get_enum (value));
      break;
    case PROP_CVR:
      klynge_member_set_cvr (self, g_value_get_string (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

static void
klynge_member_class_init (KlyngeMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_member_finalize;
  object_class->get_property = klynge_member_get_property;
  object_class->set_property = klynge_member_set_property;

  record_class->element_name = "member";

  /**
   * KlyngeMember:name:
   *
   * The name of the member; non-empty.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeMember:kind:
   *
   * What the member is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KLYNGE_TYPE_MEMBER_KIND,
                       KLYNGE_MEMBER_KIND_COMPANY,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeMember:size:
   *
   * The size class of the member.
   */
  properties[PROP_SIZE] =
    g_param_spec_enum ("size", NULL, NULL,
                       KLYNGE_TYPE_MEMBER_SIZE,
                       KLYNGE_MEMBER_SIZE_UNKNOWN,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeMember:cvr:
   *
   * The CVR number of the member, or %NULL.
   */
  properties[PROP_CVR] =
    g_param_spec_string ("cvr", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_member_init (KlyngeMember *self)
{
}

/**
 * klynge_member_new:
 * @id: the identifier, an XML NCName
 * @kind: what the member is
 * @name: the name; non-empty
 *
 * Creates a member of unknown size with no CVR number. An invalid @id,
 * @kind or @name is a programmer error; check data from elsewhere with
 * klynge_id_is_valid() and klynge_text_is_valid() first.
 *
 * Returns: (transfer full): a new #KlyngeMember
 */
KlyngeMember *
klynge_member_new (const char       *id,
                   KlyngeMemberKind  kind,
                   const char       *name)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_MEMBER_KIND_OTHER, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0' &&
                        klynge_text_is_valid (name, -1), NULL);

  return g_object_new (KLYNGE_TYPE_MEMBER,
                       "id", id,
                       "kind", kind,
                       "name", name,
                       NULL);
}

/**
 * klynge_member_get_name:
 * @self: a #KlyngeMember
 *
 * Returns: (transfer none): the name
 */
const char *
klynge_member_get_name (KlyngeMember *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), NULL);

  return self->name;
}

/**
 * klynge_member_set_name:
 * @self: a #KlyngeMember
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
klynge_member_set_name (KlyngeMember  *self,
                        const char    *name,
                        GError       **error)
{
  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->name, name,
                                    KLYNGE_STRING_TEXT, "name",
                                    properties[PROP_NAME], error);
}

/**
 * klynge_member_get_kind:
 * @self: a #KlyngeMember
 *
 * Returns: what the member is
 */
KlyngeMemberKind
klynge_member_get_kind (KlyngeMember *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), KLYNGE_MEMBER_KIND_COMPANY);

  return self->kind;
}

/**
 * klynge_member_set_kind:
 * @self: a #KlyngeMember
 * @kind: what the member is
 *
 * Sets the kind. A value that is not a #KlyngeMemberKind is a programmer
 * error.
 */
void
klynge_member_set_kind (KlyngeMember     *self,
                        KlyngeMemberKind  kind)
{
  g_return_if_fail (KLYNGE_IS_MEMBER (self));
  g_return_if_fail ((guint) kind <= KLYNGE_MEMBER_KIND_OTHER);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->kind, kind,
                             properties[PROP_KIND]);
}

/**
 * klynge_member_get_size:
 * @self: a #KlyngeMember
 *
 * Returns: the size class, %KLYNGE_MEMBER_SIZE_UNKNOWN when not known
 */
KlyngeMemberSize
klynge_member_get_size (KlyngeMember *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), KLYNGE_MEMBER_SIZE_UNKNOWN);

  return self->size;
}

/**
 * klynge_member_set_size:
 * @self: a #KlyngeMember
 * @size: the size class, %KLYNGE_MEMBER_SIZE_UNKNOWN when not known
 *
 * Sets the size class. A value that is not a #KlyngeMemberSize is a
 * programmer error.
 */
void
klynge_member_set_size (KlyngeMember     *self,
                        KlyngeMemberSize  size)
{
  g_return_if_fail (KLYNGE_IS_MEMBER (self));
  g_return_if_fail ((guint) size <= KLYNGE_MEMBER_SIZE_LARGE);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->size, size,
                             properties[PROP_SIZE]);
}

/**
 * klynge_member_get_cvr:
 * @self: a #KlyngeMember
 *
 * Returns: (transfer none) (nullable): the CVR number, or %NULL
 */
const char *
klynge_member_get_cvr (KlyngeMember *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), NULL);

  return self->cvr;
}

/**
 * klynge_member_set_cvr:
 * @self: a #KlyngeMember
 * @cvr: (nullable): the CVR number, eight digits, or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the CVR number. Fails with %KLYNGE_ERROR_BAD_CVR when @cvr is not
 * eight digits that pass the modulus-11 check (see klynge_cvr_is_valid()),
 * leaving the CVR number as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_member_set_cvr (KlyngeMember  *self,
                       const char    *cvr,
                       GError       **error)
{
  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->cvr, cvr,
                                    KLYNGE_STRING_CVR, "cvr",
                                    properties[PROP_CVR], error);
}
