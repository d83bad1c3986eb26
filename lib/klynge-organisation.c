/* klynge-organisation.c: clusters, innovation networks, support bodies
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-record-private.h"

/* --- KlyngeLocation ------------------------------------------------------- */

struct _KlyngeLocation
{
  char *city;
  char *address;
  char *role;
  char *region;                 /* a code of klynge_list_regions(), or NULL */
  char *municipality;           /* a code of klynge_list_municipalities(), or NULL */
};

G_DEFINE_BOXED_TYPE (KlyngeLocation, klynge_location, klynge_location_ref, klynge_location_unref)

/* An optional attribute: absent (NULL) is fine, present must be non-empty. */
static gboolean
check_optional_text (const char  *text,
                     const char  *what,
                     GError     **error)
{
  return text == NULL || _klynge_check_text (text, what, FALSE, error);
}

/**
 * klynge_location_new:
 * @city: the city, such as `Aalborg`; non-empty
 * @address: (nullable): the street address, or %NULL
 * @role: (nullable): the role of the place, such as `secretariat`, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Creates a location with no region or municipality; see
 * klynge_location_new_full().
 *
 * Fails with %KLYNGE_ERROR_BAD_VALUE when @city, or a non-%NULL @address or
 * @role, is empty, and with %KLYNGE_ERROR_ENCODING when one of them is not
 * valid UTF-8 or holds characters XML cannot carry. A %NULL @city is a
 * programmer error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeLocation, or %NULL with
 *   @error set
 */
KlyngeLocation *
klynge_location_new (const char  *city,
                     const char  *address,
                     const char  *role,
                     GError     **error)
{
  return klynge_location_new_full (city, address, role, NULL, NULL, error);
}

/* A location's region and municipality must be known and agree; a
 * municipality alone stands for its own region. */
static gboolean
check_geography (const char  *region,
                 const char  *municipality,
                 GError     **error)
{
  const char *municipality_region;

  if (!check_optional_text (region, "region", error) ||
      !check_optional_text (municipality, "municipality", error))
    return FALSE;
  if (region != NULL && !klynge_region_is_known (region))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) klynge_list_regions ());

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_REGION,
                   "“%s” is not a region of Denmark (one of %s)", region, known);
      return FALSE;
    }
  if (municipality == NULL)
    return TRUE;
  municipality_region = klynge_municipality_get_region (municipality);
  if (municipality_region == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_UNKNOWN_MUNICIPALITY,
                   "“%s” is not the three-digit code of a municipality of Denmark, "
                   "such as 101 for København", municipality);
      return FALSE;
    }
  if (region != NULL && strcmp (region, municipality_region) != 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_REGION_MISMATCH,
                   "municipality %s (%s) lies in region %s (%s), not in %s (%s)",
                   municipality, klynge_municipality_get_name (municipality),
                   municipality_region, klynge_region_get_name (municipality_region),
                   region, klynge_region_get_name (region));
      return FALSE;
    }
  return TRUE;
}

/**
 * klynge_location_new_full:
 * @city: the city, such as `Aalborg`; non-empty
 * @address: (nullable): the street address, or %NULL
 * @role: (nullable): the role of the place, such as `secretariat`, or %NULL
 * @region: (nullable): the code of the region the place lies in, such as
 *   `DK05` (see klynge_list_regions()), or %NULL
 * @municipality: (nullable): the code of the municipality the place lies
 *   in, such as `851` (see klynge_list_municipalities()), or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Creates a location, optionally placed in a region and a municipality
 * of Denmark (format version 2). A location with a municipality and no
 * region lies in its municipality's region: klynge_location_get_region()
 * still returns %NULL for it, as nothing more was stated.
 *
 * Fails as klynge_location_new() does, and with
 * %KLYNGE_ERROR_UNKNOWN_REGION or %KLYNGE_ERROR_UNKNOWN_MUNICIPALITY when
 * @region or @municipality is not a known code, and with
 * %KLYNGE_ERROR_REGION_MISMATCH when @municipality lies in another region
 * than @region.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeLocation, or %NULL with
 *   @error set
 */
KlyngeLocation *
klynge_location_new_full (const char  *city,
                          const char  *address,
                          const char  *role,
                          const char  *region,
                          const char  *municipality,
                          GError     **error)
{
  KlyngeLocation *location;

  g_return_val_if_fail (city != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_klynge_check_text (city, "city", FALSE, error) ||
      !check_optional_text (address, "address", error) ||
      !check_optional_text (role, "role", error) ||
      !check_geography (region, municipality, error))
    return NULL;

  location = g_atomic_rc_box_new (KlyngeLocation);
  location->city = g_strdup (city);
  location->address = g_strdup (address);
  location->role = g_strdup (role);
  location->region = g_strdup (region);
  location->municipality = g_strdup (municipality);

  return location;
}

/**
 * klynge_location_ref:
 * @location: a #KlyngeLocation
 *
 * Takes a reference to @location.
 *
 * Returns: (transfer full): @location
 */
KlyngeLocation *
klynge_location_ref (KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return g_atomic_rc_box_acquire (location);
}

/* Frees what a location owns, when its last reference goes. */
static void
location_clear (KlyngeLocation *location)
{
  g_free (location->city);
  g_free (location->address);
  g_free (location->role);
  g_free (location->region);
  g_free (location->municipality);
}

/**
 * klynge_location_unref:
 * @location: (transfer full): a #KlyngeLocation
 *
 * Drops a reference to @location, freeing it when it was the last one.
 */
void
klynge_location_unref (KlyngeLocation *location)
{
  g_return_if_fail (location != NULL);

  g_atomic_rc_box_release_full (location, (GDestroyNotify) location_clear);
}

/**
 * klynge_location_get_city:
 * @location: a #KlyngeLocation
 *
 * Returns: (transfer none): the city
 */
const char *
klynge_location_get_city (const KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return location->city;
}

/**
 * klynge_location_get_address:
 * @location: a #KlyngeLocation
 *
 * Returns: (transfer none) (nullable): the street address, or %NULL
 */
const char *
klynge_location_get_address (const KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return location->address;
}

/**
 * klynge_location_get_role:
 * @location: a #KlyngeLocation
 *
 * Returns: (transfer none) (nullable): the role of the place, such as
 *   `secretariat`, or %NULL
 */
const char *
klynge_location_get_role (const KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return location->role;
}

/**
 * klynge_location_get_region:
 * @location: a #KlyngeLocation
 *
 * The code of the region the location states, such as `DK05`. A
 * location that states only its municipality lies in that
 * municipality's region (klynge_location_get_effective_region()).
 *
 * Returns: (nullable): the region's code, or %NULL
 */
const char *
klynge_location_get_region (const KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return location->region;
}

/**
 * klynge_location_get_municipality:
 * @location: a #KlyngeLocation
 *
 * The code of the municipality the location states, such as `851`.
 *
 * Returns: (nullable): the municipality's code, or %NULL
 */
const char *
klynge_location_get_municipality (const KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  return location->municipality;
}

/**
 * klynge_location_get_effective_region:
 * @location: a #KlyngeLocation
 *
 * The region the location lies in: the one it states or, when it states
 * only a municipality, that municipality's region.
 *
 * Returns: (nullable): the region's code, or %NULL when the location
 *   states neither
 */
const char *
klynge_location_get_effective_region (const KlyngeLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (location->region != NULL || location->municipality == NULL)
    return location->region;
  return klynge_municipality_get_region (location->municipality);
}

/**
 * klynge_location_equal:
 * @a: a #KlyngeLocation
 * @b: a #KlyngeLocation
 *
 * Whether two locations state the same: city, address, role, region and
 * municipality, each compared exactly.
 *
 * Returns: whether @a and @b are equal
 */
gboolean
klynge_location_equal (const KlyngeLocation *a,
                       const KlyngeLocation *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_strcmp0 (a->city, b->city) == 0
         && g_strcmp0 (a->address, b->address) == 0
         && g_strcmp0 (a->role, b->role) == 0
         && g_strcmp0 (a->region, b->region) == 0
         && g_strcmp0 (a->municipality, b->municipality) == 0;
}

/* --- KlyngeLabel ---------------------------------------------------------- */

struct _KlyngeLabel
{
  KlyngeLabelLevel level;
  KlyngeDate awarded;
  KlyngeDate valid_until;
  guint line;            /* of its <label>; 0 when not loaded */
};

G_DEFINE_BOXED_TYPE (KlyngeLabel, klynge_label, klynge_label_ref, klynge_label_unref)

/**
 * klynge_label_new:
 * @level: the level of the label
 * @awarded: the date the label was awarded; must be set
 * @valid_until: (nullable): the last date the label is valid, or %NULL (or
 *   an unset date) when open-ended
 * @error: return location for a #GError, or %NULL
 *
 * Creates a label. As the end of a range, a partial @valid_until stands for
 * its last day (`2021-07` is valid through 31 July 2021).
 *
 * Fails with %KLYNGE_ERROR_BAD_DATE when @awarded is unset or either date
 * does not exist, and with %KLYNGE_ERROR_BAD_PERIOD when @valid_until ends
 * before @awarded begins. A %NULL @awarded or a @level that is not a
 * #KlyngeLabelLevel is a programmer error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeLabel, or %NULL with
 *   @error set
 */
KlyngeLabel *
klynge_label_new (KlyngeLabelLevel   level,
                  const KlyngeDate  *awarded,
                  const KlyngeDate  *valid_until,
                  GError           **error)
{
  KlyngeLabel *label;
  gboolean has_valid_until;

  g_return_val_if_fail ((guint) level <= KLYNGE_LABEL_LEVEL_GOLD, NULL);
  g_return_val_if_fail (awarded != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  has_valid_until = valid_until != NULL && klynge_date_is_set (valid_until);

  if (!klynge_date_is_set (awarded) || !klynge_date_is_valid (awarded))
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_DATE,
                           "A label needs a valid awarded date");
      return NULL;
    }
  if (has_valid_until && !klynge_date_is_valid (valid_until))
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_DATE,
                           "The valid-until date of a label does not exist");
      return NULL;
    }
  if (has_valid_until &&
      klynge_date_get_last_day (valid_until) < klynge_date_get_first_day (awarded))
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD,
                           "A label is valid until before it was awarded");
      return NULL;
    }

  label = g_atomic_rc_box_new0 (KlyngeLabel);
  label->level = level;
  label->awarded = *awarded;
  if (has_valid_until)
    label->valid_until = *valid_until;

  return label;
}

/**
 * klynge_label_ref:
 * @label: a #KlyngeLabel
 *
 * Takes a reference to @label.
 *
 * Returns: (transfer full): @label
 */
KlyngeLabel *
klynge_label_ref (KlyngeLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_atomic_rc_box_acquire (label);
}

/**
 * klynge_label_unref:
 * @label: (transfer full): a #KlyngeLabel
 *
 * Drops a reference to @label, freeing it when it was the last one.
 */
void
klynge_label_unref (KlyngeLabel *label)
{
  g_return_if_fail (label != NULL);

  g_atomic_rc_box_release (label);
}

/**
 * klynge_label_get_level:
 * @label: a #KlyngeLabel
 *
 * Returns: the level of the label
 */
KlyngeLabelLevel
klynge_label_get_level (const KlyngeLabel *label)
{
  g_return_val_if_fail (label != NULL, KLYNGE_LABEL_LEVEL_BRONZE);

  return label->level;
}

/**
 * klynge_label_get_awarded:
 * @label: a #KlyngeLabel
 *
 * Returns: (transfer none): the date the label was awarded
 */
const KlyngeDate *
klynge_label_get_awarded (const KlyngeLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return &label->awarded;
}

/**
 * klynge_label_get_valid_until:
 * @label: a #KlyngeLabel
 *
 * The last date the label is valid. The pointer is never %NULL; for an
 * open-ended label the date it points to is unset (see
 * klynge_date_is_set()).
 *
 * Returns: (transfer none): the last date the label is valid
 */
const KlyngeDate *
klynge_label_get_valid_until (const KlyngeLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return &label->valid_until;
}

/**
 * klynge_label_get_line:
 * @label: a #KlyngeLabel
 *
 * Returns: the line of the `<label>` element it was loaded from, or 0
 *   when it was not loaded
 */
guint
klynge_label_get_line (const KlyngeLabel *label)
{
  g_return_val_if_fail (label != NULL, 0);

  return label->line;
}

/* The reader's: the line of the <label>, set before it is shared. */
void
_klynge_label_set_line (KlyngeLabel *label,
                        guint        line)
{
  g_return_if_fail (label != NULL);

  label->line = line;
}

/* --- KlyngeOrganisation --------------------------------------------------- */

/**
 * KlyngeOrganisation:
 *
 * A cluster organisation, innovation network, support body or agency: its
 * names, kind, founding and dissolution dates, CVR number, website, how
 * complete its member list is, focus areas, locations and quality labels. Lists keep the order in which their
 * items were added.
 */
struct _KlyngeOrganisation
{
  KlyngeRecord parent_instance;

  char *name;
  char *name_en;
  KlyngeOrganisationKind kind;
  KlyngeDate founded;
  KlyngeDate dissolved;
  KlyngeDate known_until;       /* only read while dissolved is unset */
  char *cvr;
  char *website;
  KlyngeMemberList member_list;
  gboolean member_list_stated;  /* so an explicit "unknown" is written back */

  GPtrArray *focus_areas;       /* NULL-terminated, of owned strings */
  GPtrArray *focus_area_schemes; /* NULL-terminated, parallel; interned */
  GPtrArray *locations;         /* (element-type KlyngeLocation) */
  GPtrArray *labels;            /* (element-type KlyngeLabel) */
  GPtrArray *identifiers;       /* (element-type KlyngeIdentifier) */
};

G_DEFINE_FINAL_TYPE (KlyngeOrganisation, klynge_organisation, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NAME_EN,
  PROP_KIND,
  PROP_FOUNDED,
  PROP_DISSOLVED,
  PROP_KNOWN_UNTIL,
  PROP_CVR,
  PROP_WEBSITE,
  PROP_MEMBER_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_organisation_finalize (GObject *object)
{
  KlyngeOrganisation *self = KLYNGE_ORGANISATION (object);

  g_free (self->name);
  g_free (self->name_en);
  g_free (self->cvr);
  g_free (self->website);
  g_ptr_array_unref (self->focus_areas);
  g_ptr_array_unref (self->focus_area_schemes);
  g_ptr_array_unref (self->locations);
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->identifiers);

  G_OBJECT_CLASS (klynge_organisation_parent_class)->finalize (object);
}

static void
klynge_organisation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KlyngeOrganisation *self = KLYNGE_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FOUNDED:
      _klynge_record_value_set_date (value, &self->founded);
      break;
    case PROP_DISSOLVED:
      _klynge_record_value_set_date (value, &self->dissolved);
      break;
    case PROP_KNOWN_UNTIL:
      _klynge_record_value_set_date (value, &self->known_until);
      break;
    case PROP_CVR:
      g_value_set_string (value, self->cvr);
      break;
    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;
    case PROP_MEMBER_LIST:
      g_value_set_enum (value, self->member_list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_organisation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KlyngeOrganisation *self = KLYNGE_ORGANISATION (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_NAME:
      klynge_organisation_set_name (self, g_value_get_string (value), &error);
      break;
    case PROP_NAME_EN:
      klynge_organisation_set_name_en (self, g_value_get_string (value), &error);
      break;
    case PROP_KIND:
      klynge_organisation_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_FOUNDED:
      klynge_organisation_set_founded (self, g_value_get_boxed (value), &error);
      break;
    case PROP_DISSOLVED:
      klynge_organisation_set_dissolved (self, g_value_get_boxed (value), &error);
      break;
    case PROP_KNOWN_UNTIL:
      klynge_organisation_set_known_until (self, g_value_get_boxed (value), &error);
      break;
    case PROP_CVR:
      klynge_organisation_set_cvr (self, g_value_get_string (value), &error);
      break;
    case PROP_WEBSITE:
      klynge_organisation_set_website (self, g_value_get_string (value), &error);
      break;
    case PROP_MEMBER_LIST:
      klynge_organisation_set_member_list (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

/* Stating the member list, identifiers, a known-until date and a location's region or
 * municipality are new in version 2 of the format; an organisation without
 * them keeps a version 1 document as it was. */
static guint
klynge_organisation_format_version (KlyngeRecord *record)
{
  KlyngeOrganisation *self = KLYNGE_ORGANISATION (record);

  if (self->member_list_stated || self->identifiers->len > 0 ||
      klynge_date_is_set (&self->known_until))
    return 2;
  /* so are a location's region and municipality */
  for (guint i = 0; i < self->locations->len; i++)
    {
      const KlyngeLocation *location = g_ptr_array_index (self->locations, i);

      if (location->region != NULL || location->municipality != NULL)
        return 2;
    }
  /* and a focus area in a scheme other than free text */
  for (guint i = 0; i < self->focus_area_schemes->len; i++)
    if (strcmp (g_ptr_array_index (self->focus_area_schemes, i), KLYNGE_AREA_SCHEME_OTHER) != 0)
      return 2;
  return 1;
}

static GPtrArray *
klynge_organisation_identifiers (KlyngeRecord *record)
{
  return KLYNGE_ORGANISATION (record)->identifiers;
}

static void
klynge_organisation_class_init (KlyngeOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_organisation_finalize;
  object_class->get_property = klynge_organisation_get_property;
  object_class->set_property = klynge_organisation_set_property;

  record_class->element_name = "organisation";
  record_class->format_version = klynge_organisation_format_version;
  record_class->get_identifiers = klynge_organisation_identifiers;

  /**
   * KlyngeOrganisation:name:
   *
   * The (Danish) name of the organisation; non-empty.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:name-en:
   *
   * The English name of the organisation, or %NULL.
   */
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:kind:
   *
   * What the organisation is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KLYNGE_TYPE_ORGANISATION_KIND,
                       KLYNGE_ORGANISATION_KIND_CLUSTER,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:founded:
   *
   * The date the organisation was founded, or %NULL when not known.
   */
  properties[PROP_FOUNDED] =
    g_param_spec_boxed ("founded", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:dissolved:
   *
   * The date the organisation was dissolved, or %NULL while it exists.
   */
  properties[PROP_DISSOLVED] =
    g_param_spec_boxed ("dissolved", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:known-until:
   *
   * The last day the sources show the organisation active, or %NULL; see
   * klynge_organisation_get_known_until().
   */
  properties[PROP_KNOWN_UNTIL] =
    g_param_spec_boxed ("known-until", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:cvr:
   *
   * The CVR number of the organisation, or %NULL.
   */
  properties[PROP_CVR] =
    g_param_spec_string ("cvr", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:website:
   *
   * The address of the organisation's website, or %NULL.
   */
  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeOrganisation:member-list:
   *
   * How complete the recorded member list is;
   * %KLYNGE_MEMBER_LIST_UNKNOWN unless stated. Setting it states it (see
   * klynge_organisation_is_member_list_stated()).
   */
  properties[PROP_MEMBER_LIST] =
    g_param_spec_enum ("member-list", NULL, NULL,
                       KLYNGE_TYPE_MEMBER_LIST,
                       KLYNGE_MEMBER_LIST_UNKNOWN,
                       KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_organisation_init (KlyngeOrganisation *self)
{
  self->focus_areas = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->focus_area_schemes = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  self->locations = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_location_unref);
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_label_unref);
  self->identifiers = _klynge_identifier_list_new ();
}

/**
 * klynge_organisation_new:
 * @id: the identifier, an XML NCName
 * @kind: what the organisation is
 * @name: the (Danish) name; non-empty
 *
 * Creates an organisation with no dates, CVR number, website, focus areas,
 * locations or labels. An invalid @id, @kind or @name is a programmer
 * error; check data from elsewhere with klynge_id_is_valid() and
 * klynge_text_is_valid() first.
 *
 * Returns: (transfer full): a new #KlyngeOrganisation
 */
KlyngeOrganisation *
klynge_organisation_new (const char             *id,
                         KlyngeOrganisationKind  kind,
                         const char             *name)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_ORGANISATION_KIND_OTHER, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0' &&
                        klynge_text_is_valid (name, -1), NULL);

  return g_object_new (KLYNGE_TYPE_ORGANISATION,
                       "id", id,
                       "kind", kind,
                       "name", name,
                       NULL);
}

/**
 * klynge_organisation_get_name:
 * @self: a #KlyngeOrganisation
 *
 * Returns: (transfer none): the (Danish) name
 */
const char *
klynge_organisation_get_name (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->name;
}

/**
 * klynge_organisation_set_name:
 * @self: a #KlyngeOrganisation
 * @name: the (Danish) name; non-empty
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
klynge_organisation_set_name (KlyngeOrganisation  *self,
                              const char          *name,
                              GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->name, name,
                                    KLYNGE_STRING_TEXT, "name",
                                    properties[PROP_NAME], error);
}

/**
 * klynge_organisation_get_name_en:
 * @self: a #KlyngeOrganisation
 *
 * Returns: (transfer none) (nullable): the English name, or %NULL
 */
const char *
klynge_organisation_get_name_en (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->name_en;
}

/**
 * klynge_organisation_set_name_en:
 * @self: a #KlyngeOrganisation
 * @name_en: (nullable): the English name, or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the English name. Fails with %KLYNGE_ERROR_BAD_VALUE when @name_en
 * is empty and %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds
 * characters XML cannot carry, leaving the English name as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_set_name_en (KlyngeOrganisation  *self,
                                 const char          *name_en,
                                 GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->name_en, name_en,
                                    KLYNGE_STRING_TEXT, "name-en",
                                    properties[PROP_NAME_EN], error);
}

/**
 * klynge_organisation_get_kind:
 * @self: a #KlyngeOrganisation
 *
 * Returns: what the organisation is
 */
KlyngeOrganisationKind
klynge_organisation_get_kind (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), KLYNGE_ORGANISATION_KIND_CLUSTER);

  return self->kind;
}

/**
 * klynge_organisation_set_kind:
 * @self: a #KlyngeOrganisation
 * @kind: what the organisation is
 *
 * Sets the kind. A value that is not a #KlyngeOrganisationKind is a
 * programmer error.
 */
void
klynge_organisation_set_kind (KlyngeOrganisation     *self,
                              KlyngeOrganisationKind  kind)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));
  g_return_if_fail ((guint) kind <= KLYNGE_ORGANISATION_KIND_OTHER);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->kind, kind,
                             properties[PROP_KIND]);
}

/**
 * klynge_organisation_get_founded:
 * @self: a #KlyngeOrganisation
 *
 * The founding date. The pointer is never %NULL; when the date is not
 * known, the date it points to is unset (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the founding date
 */
const KlyngeDate *
klynge_organisation_get_founded (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return &self->founded;
}

/* Whether @date comes before @other, each standing for its first day;
 * unset dates never conflict. */
static gboolean
date_before (const KlyngeDate *date,
             const KlyngeDate *other)
{
  return klynge_date_is_set (date) && klynge_date_is_set (other) &&
         klynge_date_get_first_day (date) < klynge_date_get_first_day (other);
}

/* The one check of an organisation's life dates, which the setters make
 * with the date they would set: founded, then known-until, then
 * dissolved, the same day allowed. */
static gboolean
check_life (KlyngeOrganisation  *self,
            const KlyngeDate    *founded,
            const KlyngeDate    *known_until,
            const KlyngeDate    *dissolved,
            GError             **error)
{
  const char *problem;

  if (date_before (dissolved, founded))
    problem = "would be dissolved before it was founded";
  else if (date_before (known_until, founded))
    problem = "would be known active until a date before it was founded";
  else if (date_before (dissolved, known_until))
    problem = "would be known active until a date after it was dissolved";
  else
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD, "Organisation “%s” %s",
               klynge_record_get_id (KLYNGE_RECORD (self)), problem);
  return FALSE;
}

/**
 * klynge_organisation_set_founded:
 * @self: a #KlyngeOrganisation
 * @founded: (nullable): the founding date, or %NULL (or an unset date) when
 *   not known
 * @error: return location for a #GError, or %NULL
 *
 * Sets the founding date. Fails with %KLYNGE_ERROR_BAD_DATE when @founded
 * does not exist, and with %KLYNGE_ERROR_BAD_PERIOD when it comes after
 * the dissolution or known-until date (each partial date standing for its
 * first day), leaving the founding date as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_set_founded (KlyngeOrganisation  *self,
                                 const KlyngeDate    *founded,
                                 GError             **error)
{
  KlyngeDate date;

  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_record_take_optional_date (founded, "founded", &date, error))
    return FALSE;

  if (!check_life (self, &date, &self->known_until, &self->dissolved, error))
    return FALSE;

  _klynge_record_store_date (G_OBJECT (self), &self->founded, &date,
                             properties[PROP_FOUNDED]);
  return TRUE;
}

/**
 * klynge_organisation_get_dissolved:
 * @self: a #KlyngeOrganisation
 *
 * The dissolution date: the first day the organisation no longer exists.
 * The pointer is never %NULL; while the organisation exists, the date it
 * points to is unset (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the dissolution date
 */
const KlyngeDate *
klynge_organisation_get_dissolved (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return &self->dissolved;
}

/**
 * klynge_organisation_set_dissolved:
 * @self: a #KlyngeOrganisation
 * @dissolved: (nullable): the dissolution date, or %NULL (or an unset date)
 *   while the organisation exists
 * @error: return location for a #GError, or %NULL
 *
 * Sets the dissolution date. Fails with %KLYNGE_ERROR_BAD_DATE when
 * @dissolved does not exist, and with %KLYNGE_ERROR_BAD_PERIOD when it
 * comes before the founding or known-until date (each partial date
 * standing for its first day), leaving the dissolution date as it was. Dissolving an organisation
 * on the day it was founded is allowed.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_set_dissolved (KlyngeOrganisation  *self,
                                   const KlyngeDate    *dissolved,
                                   GError             **error)
{
  KlyngeDate date;

  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_record_take_optional_date (dissolved, "dissolved", &date, error))
    return FALSE;

  if (!check_life (self, &self->founded, &self->known_until, &date, error))
    return FALSE;

  _klynge_record_store_date (G_OBJECT (self), &self->dissolved, &date,
                             properties[PROP_DISSOLVED]);
  return TRUE;
}

/**
 * klynge_organisation_get_known_until:
 * @self: a #KlyngeOrganisation
 *
 * The known-until date: the last day the sources show the organisation
 * active. With no dissolution date, the organisation's status after it is
 * %KLYNGE_ORGANISATION_STATUS_NOT_KNOWN rather than active: the sources
 * stop, they do not say it ended. A partial date is an interval of
 * uncertainty, as a partial dissolution date is: known until `2021`, the
 * organisation is active on `2021-01-01` and not known from `2021-01-02`.
 * With a dissolution date it says nothing more (the dissolution date is
 * the organisation's last day). The pointer is never %NULL; when no
 * source's end is stated, the date it points to is unset (see
 * klynge_date_is_set()). New in version 2 of the format.
 *
 * Returns: (transfer none): the known-until date
 */
const KlyngeDate *
klynge_organisation_get_known_until (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return &self->known_until;
}

/**
 * klynge_organisation_set_known_until:
 * @self: a #KlyngeOrganisation
 * @known_until: (nullable): the last day the sources show the
 *   organisation active, or %NULL (or an unset date) to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the known-until date (see klynge_organisation_get_known_until()).
 * Fails with %KLYNGE_ERROR_BAD_DATE when @known_until does not exist, and
 * with %KLYNGE_ERROR_BAD_PERIOD when it comes before the founding date or
 * after the dissolution date (each partial date standing for its first
 * day), leaving the known-until date as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_set_known_until (KlyngeOrganisation  *self,
                                     const KlyngeDate    *known_until,
                                     GError             **error)
{
  KlyngeDate date;

  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_record_take_optional_date (known_until, "known-until", &date, error))
    return FALSE;

  if (!check_life (self, &self->founded, &date, &self->dissolved, error))
    return FALSE;

  _klynge_record_store_date (G_OBJECT (self), &self->known_until, &date,
                             properties[PROP_KNOWN_UNTIL]);
  return TRUE;
}

/**
 * klynge_organisation_get_cvr:
 * @self: a #KlyngeOrganisation
 *
 * Returns: (transfer none) (nullable): the CVR number, or %NULL
 */
const char *
klynge_organisation_get_cvr (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->cvr;
}

/**
 * klynge_organisation_set_cvr:
 * @self: a #KlyngeOrganisation
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
klynge_organisation_set_cvr (KlyngeOrganisation  *self,
                             const char          *cvr,
                             GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->cvr, cvr,
                                    KLYNGE_STRING_CVR, "cvr",
                                    properties[PROP_CVR], error);
}

/**
 * klynge_organisation_get_website:
 * @self: a #KlyngeOrganisation
 *
 * Returns: (transfer none) (nullable): the website address, or %NULL
 */
const char *
klynge_organisation_get_website (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->website;
}

/**
 * klynge_organisation_set_website:
 * @self: a #KlyngeOrganisation
 * @website: (nullable): the website address, or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the website address, kept as given. Fails with
 * %KLYNGE_ERROR_BAD_VALUE when @website is empty and
 * %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds characters XML
 * cannot carry, leaving the website as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_set_website (KlyngeOrganisation  *self,
                                 const char          *website,
                                 GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->website, website,
                                    KLYNGE_STRING_TEXT, "website",
                                    properties[PROP_WEBSITE], error);
}

/**
 * klynge_organisation_get_member_list:
 * @self: a #KlyngeOrganisation
 *
 * How complete the recorded member list is: with
 * %KLYNGE_MEMBER_LIST_COMPLETE a count of its members is exact, otherwise
 * it is at most a lower bound (see klynge_count_init()).
 *
 * Returns: the completeness; %KLYNGE_MEMBER_LIST_UNKNOWN when not stated
 */
KlyngeMemberList
klynge_organisation_get_member_list (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), KLYNGE_MEMBER_LIST_UNKNOWN);

  return self->member_list;
}

/**
 * klynge_organisation_set_member_list:
 * @self: a #KlyngeOrganisation
 * @member_list: how complete the recorded member list is
 *
 * States how complete the member list is; %KLYNGE_MEMBER_LIST_UNKNOWN
 * too is then stated, and saved as `member-list="unknown"`. A value that
 * is not a #KlyngeMemberList is a programmer error.
 */
void
klynge_organisation_set_member_list (KlyngeOrganisation *self,
                                     KlyngeMemberList    member_list)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));
  g_return_if_fail ((guint) member_list <= KLYNGE_MEMBER_LIST_COMPLETE);

  self->member_list_stated = TRUE;
  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->member_list, member_list,
                             properties[PROP_MEMBER_LIST]);
}

/**
 * klynge_organisation_is_member_list_stated:
 * @self: a #KlyngeOrganisation
 *
 * Whether the completeness of the member list was stated (loaded from a
 * `member-list` attribute or set), as opposed to unknown by default. Only
 * a stated one is saved, so a document that never states it is saved as
 * it was.
 *
 * Returns: %TRUE when stated
 */
gboolean
klynge_organisation_is_member_list_stated (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);

  return self->member_list_stated;
}

/**
 * klynge_organisation_unset_member_list:
 * @self: a #KlyngeOrganisation
 *
 * Forgets the stated completeness: the member list is
 * %KLYNGE_MEMBER_LIST_UNKNOWN by default again and no longer saved.
 */
void
klynge_organisation_unset_member_list (KlyngeOrganisation *self)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));

  self->member_list_stated = FALSE;
  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->member_list,
                             KLYNGE_MEMBER_LIST_UNKNOWN, properties[PROP_MEMBER_LIST]);
}

/**
 * klynge_organisation_get_focus_areas:
 * @self: a #KlyngeOrganisation
 *
 * The focus areas, such as `energy`, in the order they were added. The
 * array belongs to @self and changes when focus areas are added or
 * cleared.
 *
 * Returns: (array zero-terminated=1) (transfer none): the focus areas
 */
const char * const *
klynge_organisation_get_focus_areas (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return _klynge_strv_array_get (self->focus_areas);
}

/**
 * klynge_organisation_has_focus_area:
 * @self: a #KlyngeOrganisation
 * @focus_area: a focus area
 *
 * Whether the organisation has @focus_area. The comparison is exact: case
 * and whitespace matter.
 *
 * Returns: %TRUE when @focus_area is one of the organisation's focus areas
 */
gboolean
klynge_organisation_has_focus_area (KlyngeOrganisation *self,
                                    const char         *focus_area)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (focus_area != NULL, FALSE);

  return _klynge_strv_array_contains (self->focus_areas, focus_area);
}

/**
 * klynge_organisation_get_focus_area_schemes:
 * @self: a #KlyngeOrganisation
 *
 * The scheme of each focus area, parallel to
 * klynge_organisation_get_focus_areas(): %KLYNGE_AREA_SCHEME_OTHER for free
 * text. The array belongs to @self and changes with the focus areas.
 *
 * Returns: (array zero-terminated=1) (transfer none): the schemes
 */
const char * const *
klynge_organisation_get_focus_area_schemes (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return _klynge_strv_array_get (self->focus_area_schemes);
}

/**
 * klynge_organisation_add_focus_area:
 * @self: a #KlyngeOrganisation
 * @focus_area: a focus area, such as `energy`; non-empty
 * @error: return location for a #GError, or %NULL
 *
 * Appends a focus area as free text (in the scheme
 * %KLYNGE_AREA_SCHEME_OTHER); see
 * klynge_organisation_add_focus_area_in_scheme().
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_add_focus_area (KlyngeOrganisation  *self,
                                    const char          *focus_area,
                                    GError             **error)
{
  return klynge_organisation_add_focus_area_in_scheme (self, NULL, focus_area, error);
}

/**
 * klynge_organisation_add_focus_area_in_scheme:
 * @self: a #KlyngeOrganisation
 * @scheme: (nullable): the scheme of @focus_area, such as
 *   `klyngeprogram-2021`; %NULL or %KLYNGE_AREA_SCHEME_OTHER for free text
 * @focus_area: a focus area; non-empty
 * @error: return location for a #GError, or %NULL
 *
 * Appends a focus area of @scheme, kept as written. In a scheme klynge
 * ships (klynge_list_area_schemes()), @focus_area must be the Danish or
 * English label of one of its areas (see klynge_area_lookup()); a focus
 * area in such a scheme makes the organisation need format version 2.
 *
 * Fails with %KLYNGE_ERROR_BAD_VALUE when @focus_area is empty,
 * %KLYNGE_ERROR_ENCODING when it is not valid UTF-8 or holds characters
 * XML cannot carry, %KLYNGE_ERROR_UNKNOWN_AREA when @scheme is not a
 * scheme klynge ships or has no area labelled @focus_area, and
 * %KLYNGE_ERROR_DUPLICATE_ID when the organisation already has it
 * (compared exactly, whatever its scheme), leaving the focus areas as
 * they were. A %NULL @focus_area is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_add_focus_area_in_scheme (KlyngeOrganisation  *self,
                                              const char          *scheme,
                                              const char          *focus_area,
                                              GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (focus_area != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_check_text (focus_area, "focus-area", FALSE, error)
      || !_klynge_area_check (scheme, focus_area, error))
    return FALSE;

  if (klynge_organisation_has_focus_area (self, focus_area))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_ID,
                   "Organisation “%s” already has the focus area “%s”",
                   klynge_record_get_id (KLYNGE_RECORD (self)), focus_area);
      return FALSE;
    }

  g_ptr_array_add (self->focus_areas, g_strdup (focus_area));
  g_ptr_array_add (self->focus_area_schemes,
                   (gpointer) g_intern_string (scheme != NULL ? scheme : KLYNGE_AREA_SCHEME_OTHER));
  return TRUE;
}

/**
 * klynge_organisation_clear_focus_areas:
 * @self: a #KlyngeOrganisation
 *
 * Removes all focus areas.
 */
void
klynge_organisation_clear_focus_areas (KlyngeOrganisation *self)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));

  g_ptr_array_set_size (self->focus_areas, 0);
  g_ptr_array_set_size (self->focus_area_schemes, 0);
}

/**
 * klynge_organisation_get_locations:
 * @self: a #KlyngeOrganisation
 *
 * The locations, in the order they were added. The array belongs to @self;
 * do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeLocation): the locations
 */
GPtrArray *
klynge_organisation_get_locations (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->locations;
}

/**
 * klynge_organisation_add_location:
 * @self: a #KlyngeOrganisation
 * @location: (transfer none): a #KlyngeLocation
 *
 * Appends @location, taking a reference to it.
 */
void
klynge_organisation_add_location (KlyngeOrganisation *self,
                                  KlyngeLocation     *location)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));
  g_return_if_fail (location != NULL);

  g_ptr_array_add (self->locations, klynge_location_ref (location));
}

/**
 * klynge_organisation_has_city:
 * @self: a #KlyngeOrganisation
 * @city: a city
 *
 * Whether one of the organisation's locations is in @city. The comparison
 * is exact: case and whitespace matter.
 *
 * Returns: %TRUE when the organisation has a location in @city
 */
gboolean
klynge_organisation_has_city (KlyngeOrganisation *self,
                              const char         *city)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (city != NULL, FALSE);

  for (guint i = 0; i < self->locations->len; i++)
    {
      const KlyngeLocation *location = g_ptr_array_index (self->locations, i);

      if (strcmp (location->city, city) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * klynge_organisation_clear_locations:
 * @self: a #KlyngeOrganisation
 *
 * Removes all locations.
 */
void
klynge_organisation_clear_locations (KlyngeOrganisation *self)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));

  g_ptr_array_set_size (self->locations, 0);
}

/**
 * klynge_organisation_has_region:
 * @self: a #KlyngeOrganisation
 * @region: a region code, such as `DK05`
 *
 * Whether one of the organisation's locations lies in @region: states it,
 * or states a municipality in it (klynge_location_get_effective_region()).
 *
 * Returns: %TRUE when the organisation has a location in @region
 */
gboolean
klynge_organisation_has_region (KlyngeOrganisation *self,
                                const char         *region)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  for (guint i = 0; i < self->locations->len; i++)
    if (g_strcmp0 (klynge_location_get_effective_region (g_ptr_array_index (self->locations, i)),
                   region) == 0)
      return TRUE;
  return FALSE;
}

/**
 * klynge_organisation_has_municipality:
 * @self: a #KlyngeOrganisation
 * @municipality: a municipality code, such as `851`
 *
 * Whether one of the organisation's locations states @municipality.
 *
 * Returns: %TRUE when the organisation has a location in @municipality
 */
gboolean
klynge_organisation_has_municipality (KlyngeOrganisation *self,
                                      const char         *municipality)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (municipality != NULL, FALSE);

  for (guint i = 0; i < self->locations->len; i++)
    {
      const KlyngeLocation *location = g_ptr_array_index (self->locations, i);

      if (g_strcmp0 (location->municipality, municipality) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * klynge_organisation_get_labels:
 * @self: a #KlyngeOrganisation
 *
 * The quality labels, in the order they were added. The array belongs to
 * @self; do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeLabel): the labels
 */
GPtrArray *
klynge_organisation_get_labels (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->labels;
}

/**
 * klynge_organisation_add_label:
 * @self: a #KlyngeOrganisation
 * @label: (transfer none): a #KlyngeLabel
 *
 * Appends @label, taking a reference to it.
 */
void
klynge_organisation_add_label (KlyngeOrganisation *self,
                               KlyngeLabel        *label)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->labels, klynge_label_ref (label));
}

/**
 * klynge_organisation_clear_labels:
 * @self: a #KlyngeOrganisation
 *
 * Removes all labels.
 */
void
klynge_organisation_clear_labels (KlyngeOrganisation *self)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));

  g_ptr_array_set_size (self->labels, 0);
}

/**
 * klynge_organisation_get_identifiers:
 * @self: a #KlyngeOrganisation
 *
 * The identifiers in outside registers, in the order they were added.
 * The CVR number of klynge_organisation_get_cvr() is not among them. The
 * array belongs to @self; do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeIdentifier): the identifiers
 */
GPtrArray *
klynge_organisation_get_identifiers (KlyngeOrganisation *self)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), NULL);

  return self->identifiers;
}

/**
 * klynge_organisation_add_identifier:
 * @self: a #KlyngeOrganisation
 * @identifier: (transfer none): a #KlyngeIdentifier
 * @error: return location for a #GError, or %NULL
 *
 * Appends @identifier, taking a reference to it. Fails with
 * %KLYNGE_ERROR_DUPLICATE_IDENTIFIER, adding nothing, when @self already
 * has an identifier of the same scheme and value valid on a day
 * @identifier certainly is too (klynge_identifier_is_valid_on()).
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_organisation_add_identifier (KlyngeOrganisation  *self,
                                    KlyngeIdentifier    *identifier,
                                    GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);

  return _klynge_identifier_list_add (self->identifiers, identifier, KLYNGE_RECORD (self), error);
}

/**
 * klynge_organisation_clear_identifiers:
 * @self: a #KlyngeOrganisation
 *
 * Removes all identifiers.
 */
void
klynge_organisation_clear_identifiers (KlyngeOrganisation *self)
{
  g_return_if_fail (KLYNGE_IS_ORGANISATION (self));

  g_ptr_array_set_size (self->identifiers, 0);
}

void
_klynge_stated_day_add (guint32          *first,
                        const KlyngeDate *date)
{
  guint32 day;

  if (date == NULL || !klynge_date_is_set (date))
    return;
  day = klynge_date_get_last_day (date);
  if (*first == 0 || day < *first)
    *first = day;
}

guint32
_klynge_organisation_first_stated_day (KlyngeOrganisation *self)
{
  guint32 first = 0;

  for (guint i = 0; i < self->labels->len; i++)
    _klynge_stated_day_add (&first, klynge_label_get_awarded (g_ptr_array_index (self->labels, i)));
  /* the first day of each end date is one the record shows it active */
  for (guint i = 0; i < 2; i++)
    {
      const KlyngeDate *end = i == 0 ? &self->dissolved : &self->known_until;
      guint32 day;

      if (!klynge_date_is_set (end))
        continue;
      day = klynge_date_get_first_day (end);
      if (first == 0 || day < first)
        first = day;
    }
  return first;
}

KlyngeOrganisationStatus
_klynge_organisation_status_on (KlyngeOrganisation *self,
                                guint32             day,
                                guint32             first_stated_day)
{
  gboolean has_founded = klynge_date_is_set (&self->founded);
  gboolean has_dissolved = klynge_date_is_set (&self->dissolved);

  if (has_founded && day < klynge_date_get_first_day (&self->founded))
    return KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED;
  if (has_dissolved && day > klynge_date_get_last_day (&self->dissolved))
    return KLYNGE_ORGANISATION_STATUS_DISSOLVED;
  if (has_founded ? day < klynge_date_get_last_day (&self->founded)
                  : first_stated_day == 0 || day < first_stated_day)
    return KLYNGE_ORGANISATION_STATUS_NOT_KNOWN;
  if (has_dissolved && day > klynge_date_get_first_day (&self->dissolved))
    return KLYNGE_ORGANISATION_STATUS_NOT_KNOWN;
  /* the sources stop: a partial known-until reads as a partial dissolution
   * date does, certain through its first day */
  if (!has_dissolved && klynge_date_is_set (&self->known_until) &&
      day > klynge_date_get_first_day (&self->known_until))
    return KLYNGE_ORGANISATION_STATUS_NOT_KNOWN;
  return KLYNGE_ORGANISATION_STATUS_ACTIVE;
}

/**
 * klynge_organisation_is_active_on:
 * @self: a #KlyngeOrganisation
 * @date: a set date; a partial @date stands for its first day
 *
 * Whether the organisation's own record shows it active on @date. A
 * partial founding or dissolution date is an interval of uncertainty, not
 * its first day: an organisation founded in `2014` is active from
 * `2014-12-31` (the latest day it can have been founded; the founding day
 * is an active one) and not known to be before; one dissolved in `2021`
 * (its dissolution date is its last day) is active on `2021-01-01` and
 * not known to be after. With no dissolution date it is not known to be
 * active after its known-until date, read the same way. With no founding
 * date it is not known to be
 * active before the first day its own record shows it active (a label's
 * award, the dissolution or known-until date); klynge_landscape_get_status() also counts
 * what the landscape's other records state, and tells "not known" from
 * "not active". Applying a merger dissolves the predecessors on the day
 * before the effective date, so on every day either they or the
 * successor are active. An unset @date is a programmer error.
 *
 * Returns: %TRUE when the organisation is known to be active on @date
 */
gboolean
klynge_organisation_is_active_on (KlyngeOrganisation *self,
                                  const KlyngeDate   *date)
{
  g_return_val_if_fail (KLYNGE_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (klynge_date_is_set (date), FALSE);

  return _klynge_organisation_status_on (self, klynge_date_get_first_day (date),
                                         _klynge_organisation_first_stated_day (self))
         == KLYNGE_ORGANISATION_STATUS_ACTIVE;
}
