/* klynge-programme.c: programmes, their envelopes and designations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-record-private.h"

/* --- KlyngeEnvelope -------------------------------------------------------- */

/* One allocation per envelope: the source id lives right after the
 * header, as a share's does. */
struct _KlyngeEnvelope
{
  KlyngePeriod period;
  gint64 amount;
  guint amount_decimals;
  guint line;
  char source[];
};

G_DEFINE_BOXED_TYPE (KlyngeEnvelope, klynge_envelope, klynge_envelope_ref, klynge_envelope_unref)

/*
 * _klynge_envelope_new_full:
 * @source: the id of the funding source; a valid id
 * @period: a checked period (see klynge_period_init())
 * @amount: the amount in øre, not negative
 * @decimals: how many decimals the amount was written with, 0 to 2
 *
 * Creates an envelope from values the caller has already checked, such
 * as the reader's parsed attributes. Invalid values are programmer errors.
 *
 * Returns: (transfer full): a new #KlyngeEnvelope
 */
KlyngeEnvelope *
_klynge_envelope_new_full (const char         *source,
                           const KlyngePeriod *period,
                           gint64              amount,
                           guint               decimals)
{
  KlyngeEnvelope *envelope;
  gsize len;

  g_return_val_if_fail (klynge_id_is_valid (source), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (amount >= 0, NULL);
  g_return_val_if_fail (decimals <= 2, NULL);

  len = strlen (source);
  envelope = g_atomic_rc_box_alloc0 (sizeof (KlyngeEnvelope) + len + 1);
  envelope->period = *period;
  envelope->amount = amount;
  envelope->amount_decimals = decimals;
  memcpy (envelope->source, source, len + 1);

  return envelope;
}

/* The number of decimals the amount is written with, 0 to 2. */
guint
_klynge_envelope_get_amount_decimals (const KlyngeEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, 2);

  return envelope->amount_decimals;
}

/* The reader's: the line of the <envelope>, set before it is shared. */
void
_klynge_envelope_set_line (KlyngeEnvelope *envelope,
                           guint           line)
{
  g_return_if_fail (envelope != NULL);

  envelope->line = line;
}

/**
 * klynge_envelope_new:
 * @source: the id of the funding source that plans the money
 * @period: the period the money is planned for; both dates set
 * @amount: the amount in øre (DKK × 100), not negative
 * @error: return location for a #GError, or %NULL
 *
 * Creates an envelope: what @source planned to spend through a programme
 * over @period. Its amount is written with two decimals.
 *
 * Fails with %KLYNGE_ERROR_BAD_ID when @source is not an XML NCName, with
 * %KLYNGE_ERROR_BAD_PERIOD when @period lacks a date or ends before it
 * starts, with %KLYNGE_ERROR_BAD_DATE when one of its dates does not
 * exist and with %KLYNGE_ERROR_BAD_MONEY when @amount is negative. A
 * %NULL @source or @period is a programmer error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeEnvelope, or %NULL
 *   with @error set
 */
KlyngeEnvelope *
klynge_envelope_new (const char          *source,
                     const KlyngePeriod  *period,
                     gint64               amount,
                     GError             **error)
{
  KlyngePeriod checked;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_klynge_check_id (source, "source", error)
      || !klynge_period_init (&checked, &period->start, &period->end, error))
    return NULL;
  if (amount < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_MONEY,
                   "The amount of an envelope cannot be negative (%" G_GINT64_FORMAT " øre)",
                   amount);
      return NULL;
    }

  return _klynge_envelope_new_full (source, &checked, amount, 2);
}

/**
 * klynge_envelope_ref:
 * @envelope: a #KlyngeEnvelope
 *
 * Takes a reference to @envelope.
 *
 * Returns: (transfer full): @envelope
 */
KlyngeEnvelope *
klynge_envelope_ref (KlyngeEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, NULL);

  return g_atomic_rc_box_acquire (envelope);
}

/**
 * klynge_envelope_unref:
 * @envelope: (transfer full): a #KlyngeEnvelope
 *
 * Drops a reference to @envelope, freeing it when it was the last one.
 */
void
klynge_envelope_unref (KlyngeEnvelope *envelope)
{
  g_return_if_fail (envelope != NULL);

  g_atomic_rc_box_release (envelope);
}

/**
 * klynge_envelope_get_source:
 * @envelope: a #KlyngeEnvelope
 *
 * Returns: (transfer none): the id of the funding source
 */
const char *
klynge_envelope_get_source (const KlyngeEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, NULL);

  return envelope->source;
}

/**
 * klynge_envelope_get_period:
 * @envelope: a #KlyngeEnvelope
 *
 * Returns: (transfer none): the period the money is planned for
 */
const KlyngePeriod *
klynge_envelope_get_period (const KlyngeEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, NULL);

  return &envelope->period;
}

/**
 * klynge_envelope_get_amount:
 * @envelope: a #KlyngeEnvelope
 *
 * Returns: the amount in øre
 */
gint64
klynge_envelope_get_amount (const KlyngeEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, 0);

  return envelope->amount;
}

/**
 * klynge_envelope_amount_in_period:
 * @envelope: a #KlyngeEnvelope
 * @period: the period to ask about
 *
 * The part of the amount that falls in @period, pro-rated by days with
 * klynge_period_prorate(), as klynge_contract_amount_in_period() does for
 * a contract: exact to the øre, and the parts of periods that split the
 * envelope's period sum to the amount.
 *
 * Returns: the amount in øre; 0 when @period does not overlap the
 *   envelope's period
 */
gint64
klynge_envelope_amount_in_period (const KlyngeEnvelope *envelope,
                                  const KlyngePeriod   *period)
{
  g_return_val_if_fail (envelope != NULL, 0);
  g_return_val_if_fail (period != NULL, 0);

  return klynge_period_prorate (&envelope->period, envelope->amount, period);
}

/**
 * klynge_envelope_get_line:
 * @envelope: a #KlyngeEnvelope
 *
 * Returns: the line of the `<envelope>` element it was loaded from, or 0
 *   when it was not loaded
 */
guint
klynge_envelope_get_line (const KlyngeEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, 0);

  return envelope->line;
}

/* --- KlyngeDesignation ----------------------------------------------------- */

struct _KlyngeDesignation
{
  char *organisation;
  KlyngeDesignationRole role;
  char *area;                   /* NULL when the source names none */
  const char *area_scheme;      /* interned; NULL without an area */
  KlyngeDate start;
  KlyngeDate end;               /* unset when open-ended */
  /* Set once, by klynge_programme_add_designation(): the value is shared,
   * so it may belong to one programme only. */
  char *programme;
  guint line;
};

G_DEFINE_BOXED_TYPE (KlyngeDesignation, klynge_designation,
                     klynge_designation_ref, klynge_designation_unref)

static void
designation_clear (KlyngeDesignation *designation)
{
  g_free (designation->organisation);
  g_free (designation->area);
  g_free (designation->programme);
}

/**
 * klynge_designation_new:
 * @organisation: the id of the designated organisation
 * @role: as what the programme designated it
 * @area: (nullable): the area, as the source words it, or %NULL
 * @start: the date the designation starts; set
 * @end: (nullable): the last date of the designation, or %NULL (or an
 *   unset date) when open-ended
 * @error: return location for a #GError, or %NULL
 *
 * Creates a designation whose area, if any, is free text; see
 * klynge_designation_new_in_scheme().
 *
 * Returns: (transfer full) (nullable): a new #KlyngeDesignation, or %NULL
 *   with @error set
 */
KlyngeDesignation *
klynge_designation_new (const char             *organisation,
                        KlyngeDesignationRole   role,
                        const char             *area,
                        const KlyngeDate       *start,
                        const KlyngeDate       *end,
                        GError                **error)
{
  return klynge_designation_new_in_scheme (organisation, role, NULL, area, start, end, error);
}

/**
 * klynge_designation_new_in_scheme:
 * @organisation: the id of the designated organisation
 * @role: as what the programme designated it
 * @area_scheme: (nullable): the scheme of @area, such as
 *   `klyngeprogram-2021`; %NULL or %KLYNGE_AREA_SCHEME_OTHER for free text
 * @area: (nullable): the area, as the source words it, or %NULL
 * @start: the date the designation starts; set
 * @end: (nullable): the last date of the designation, or %NULL (or an
 *   unset date) when open-ended
 * @error: return location for a #GError, or %NULL
 *
 * Creates a designation that belongs to no programme yet; see
 * klynge_programme_add_designation(). As in a #KlyngePeriod, a partial
 * @start stands for its first day and a partial @end for its last. In a
 * scheme klynge ships, @area must be the Danish or English label of one
 * of its areas (see klynge_area_lookup()).
 *
 * Fails with %KLYNGE_ERROR_BAD_ID when @organisation is not an XML NCName,
 * with %KLYNGE_ERROR_BAD_VALUE when @area is empty or @area_scheme is
 * given without an @area, %KLYNGE_ERROR_ENCODING when @area is not text
 * XML can carry, %KLYNGE_ERROR_UNKNOWN_AREA when @area_scheme is not a
 * scheme klynge ships or has no area labelled @area, with
 * %KLYNGE_ERROR_BAD_PERIOD when @start is not set or @end comes before
 * it, and with %KLYNGE_ERROR_BAD_DATE when a date does not exist. A %NULL
 * @organisation or @start, or a @role that is not a
 * #KlyngeDesignationRole, is a programmer error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeDesignation, or %NULL
 *   with @error set
 */
KlyngeDesignation *
klynge_designation_new_in_scheme (const char             *organisation,
                                  KlyngeDesignationRole   role,
                                  const char             *area_scheme,
                                  const char             *area,
                                  const KlyngeDate       *start,
                                  const KlyngeDate       *end,
                                  GError                **error)
{
  KlyngeDesignation *designation;
  KlyngeDate checked_start, checked_end;

  g_return_val_if_fail (organisation != NULL, NULL);
  g_return_val_if_fail ((guint) role <= KLYNGE_DESIGNATION_ROLE_OTHER, NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_klynge_check_id (organisation, "organisation", error)
      || (area != NULL && !_klynge_check_text (area, "area", FALSE, error))
      || (area != NULL && !_klynge_area_check (area_scheme, area, error)))
    return NULL;
  if (area == NULL && area_scheme != NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_VALUE,
                   "The designation of “%s” has an area scheme but no area", organisation);
      return NULL;
    }
  if (!klynge_date_is_set (start))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERIOD,
                   "The designation of “%s” needs a start date", organisation);
      return NULL;
    }
  if (!_klynge_record_take_dates (start, end, &checked_start, &checked_end,
                                  "The designation of", organisation, error))
    return NULL;

  designation = g_atomic_rc_box_new0 (KlyngeDesignation);
  designation->organisation = g_strdup (organisation);
  designation->role = role;
  designation->area = g_strdup (area);
  if (area != NULL)
    designation->area_scheme = g_intern_string (area_scheme != NULL ? area_scheme
                                                : KLYNGE_AREA_SCHEME_OTHER);
  designation->start = checked_start;
  designation->end = checked_end;

  return designation;
}

/**
 * klynge_designation_ref:
 * @designation: a #KlyngeDesignation
 *
 * Takes a reference to @designation.
 *
 * Returns: (transfer full): @designation
 */
KlyngeDesignation *
klynge_designation_ref (KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return g_atomic_rc_box_acquire (designation);
}

/**
 * klynge_designation_unref:
 * @designation: (transfer full): a #KlyngeDesignation
 *
 * Drops a reference to @designation, freeing it when it was the last one.
 */
void
klynge_designation_unref (KlyngeDesignation *designation)
{
  g_return_if_fail (designation != NULL);

  g_atomic_rc_box_release_full (designation, (GDestroyNotify) designation_clear);
}

/**
 * klynge_designation_get_organisation:
 * @designation: a #KlyngeDesignation
 *
 * Returns: (transfer none): the id of the designated organisation
 */
const char *
klynge_designation_get_organisation (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return designation->organisation;
}

/**
 * klynge_designation_get_role:
 * @designation: a #KlyngeDesignation
 *
 * Returns: as what the programme designated the organisation
 */
KlyngeDesignationRole
klynge_designation_get_role (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, KLYNGE_DESIGNATION_ROLE_OTHER);

  return designation->role;
}

/**
 * klynge_designation_get_area:
 * @designation: a #KlyngeDesignation
 *
 * Returns: (transfer none) (nullable): the area, as the source words it,
 *   or %NULL
 */
const char *
klynge_designation_get_area (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return designation->area;
}

/**
 * klynge_designation_get_area_scheme:
 * @designation: a #KlyngeDesignation
 *
 * Returns: (transfer none) (nullable): the scheme of the area
 *   (%KLYNGE_AREA_SCHEME_OTHER for free text), or %NULL when the
 *   designation names no area
 */
const char *
klynge_designation_get_area_scheme (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return designation->area_scheme;
}

/**
 * klynge_designation_get_start:
 * @designation: a #KlyngeDesignation
 *
 * Returns: (transfer none): the date the designation starts
 */
const KlyngeDate *
klynge_designation_get_start (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return &designation->start;
}

/**
 * klynge_designation_get_end:
 * @designation: a #KlyngeDesignation
 *
 * The last date. The pointer is never %NULL; when the designation is
 * open-ended, the date it points to is unset (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the end date
 */
const KlyngeDate *
klynge_designation_get_end (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return &designation->end;
}

/**
 * klynge_designation_get_programme:
 * @designation: a #KlyngeDesignation
 *
 * Returns: (transfer none) (nullable): the id of the programme the
 *   designation was added to, or %NULL when it was added to none
 */
const char *
klynge_designation_get_programme (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  return g_atomic_pointer_get (&((KlyngeDesignation *) designation)->programme);
}

/**
 * klynge_designation_get_line:
 * @designation: a #KlyngeDesignation
 *
 * Returns: the line of the `<designation>` element it was loaded from, or
 *   0 when it was not loaded
 */
guint
klynge_designation_get_line (const KlyngeDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, 0);

  return designation->line;
}

/* The reader's: the line of the <designation>, set before it is shared. */
void
_klynge_designation_set_line (KlyngeDesignation *designation,
                              guint              line)
{
  g_return_if_fail (designation != NULL);

  designation->line = line;
}

/* --- KlyngeProgramme ------------------------------------------------------- */

/**
 * KlyngeProgramme:
 *
 * A programme that designates and funds organisations, such as the
 * national cluster programme 2021-2024: its name, kind and period, the
 * envelopes funding sources planned to spend through it and the
 * organisations it designated. Organisations and funding sources are
 * named by id; whether the ids resolve is checked by the landscape.
 * Envelopes and designations keep the order they were added in.
 */
struct _KlyngeProgramme
{
  KlyngeRecord parent_instance;

  char *name;
  KlyngeProgrammeKind kind;
  KlyngeDate start;
  KlyngeDate end;
  GPtrArray *envelopes;         /* (element-type KlyngeEnvelope) */
  GPtrArray *designations;      /* (element-type KlyngeDesignation) */
};

G_DEFINE_FINAL_TYPE (KlyngeProgramme, klynge_programme, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_programme_finalize (GObject *object)
{
  KlyngeProgramme *self = KLYNGE_PROGRAMME (object);

  g_free (self->name);
  g_ptr_array_unref (self->envelopes);
  g_ptr_array_unref (self->designations);

  G_OBJECT_CLASS (klynge_programme_parent_class)->finalize (object);
}

static void
klynge_programme_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlyngeProgramme *self = KLYNGE_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_START:
      _klynge_record_value_set_date (value, &self->start);
      break;
    case PROP_END:
      _klynge_record_value_set_date (value, &self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_programme_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KlyngeProgramme *self = KLYNGE_PROGRAMME (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_NAME:
      klynge_programme_set_name (self, g_value_get_string (value), &error);
      break;
    case PROP_KIND:
      klynge_programme_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_START:
      klynge_programme_set_dates (self, g_value_get_boxed (value), &self->end, &error);
      break;
    case PROP_END:
      klynge_programme_set_dates (self, &self->start, g_value_get_boxed (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

static void
klynge_programme_foreach_reference (KlyngeRecord *record,
                                    GCallback     callback,
                                    gpointer      user_data)
{
  KlyngeReferenceFunc func = (KlyngeReferenceFunc) callback;
  KlyngeProgramme *self = KLYNGE_PROGRAMME (record);

  /* in document order: <envelope> before <designation> */
  for (guint i = 0; i < self->envelopes->len; i++)
    if (!func (record, klynge_envelope_get_source (g_ptr_array_index (self->envelopes, i)),
               KLYNGE_TYPE_FUNDING_SOURCE, "envelope source", user_data))
      return;
  for (guint i = 0; i < self->designations->len; i++)
    if (!func (record, klynge_designation_get_organisation (g_ptr_array_index (self->designations, i)),
               KLYNGE_TYPE_ORGANISATION, "designation organisation", user_data))
      return;
}

/* Programmes are new in version 2 of the format. */
static guint
klynge_programme_format_version (KlyngeRecord *record)
{
  return 2;
}

static void
klynge_programme_class_init (KlyngeProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_programme_finalize;
  object_class->get_property = klynge_programme_get_property;
  object_class->set_property = klynge_programme_set_property;

  record_class->element_name = "programme";
  record_class->foreach_reference = klynge_programme_foreach_reference;
  record_class->format_version = klynge_programme_format_version;

  /**
   * KlyngeProgramme:name:
   *
   * The name of the programme; non-empty.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeProgramme:kind:
   *
   * What the programme is.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KLYNGE_TYPE_PROGRAMME_KIND,
                       KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
                       KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeProgramme:start:
   *
   * The date the programme starts, or %NULL when not known. Setting it
   * checks it against #KlyngeProgramme:end as klynge_programme_set_dates()
   * does.
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeProgramme:end:
   *
   * The last date of the programme, or %NULL when open-ended or not known.
   * Setting it checks it against #KlyngeProgramme:start as
   * klynge_programme_set_dates() does.
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, KLYNGE_TYPE_DATE,
                        KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_programme_init (KlyngeProgramme *self)
{
  self->envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_envelope_unref);
  self->designations = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_designation_unref);
}

/**
 * klynge_programme_new:
 * @id: the identifier, an XML NCName
 * @kind: what the programme is
 * @name: the name; non-empty
 *
 * Creates a programme with no dates, envelopes or designations. An
 * invalid @id, @kind or @name is a programmer error; check data from
 * elsewhere with klynge_id_is_valid() and klynge_text_is_valid() first.
 *
 * Returns: (transfer full): a new #KlyngeProgramme
 */
KlyngeProgramme *
klynge_programme_new (const char          *id,
                      KlyngeProgrammeKind  kind,
                      const char          *name)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail ((guint) kind <= KLYNGE_PROGRAMME_KIND_OTHER, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0' &&
                        klynge_text_is_valid (name, -1), NULL);

  return g_object_new (KLYNGE_TYPE_PROGRAMME,
                       "id", id,
                       "kind", kind,
                       "name", name,
                       NULL);
}

/**
 * klynge_programme_get_name:
 * @self: a #KlyngeProgramme
 *
 * Returns: (transfer none): the name
 */
const char *
klynge_programme_get_name (KlyngeProgramme *self)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), NULL);

  return self->name;
}

/**
 * klynge_programme_set_name:
 * @self: a #KlyngeProgramme
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
klynge_programme_set_name (KlyngeProgramme  *self,
                           const char       *name,
                           GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->name, name,
                                    KLYNGE_STRING_TEXT, "name",
                                    properties[PROP_NAME], error);
}

/**
 * klynge_programme_get_kind:
 * @self: a #KlyngeProgramme
 *
 * Returns: what the programme is
 */
KlyngeProgrammeKind
klynge_programme_get_kind (KlyngeProgramme *self)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME);

  return self->kind;
}

/**
 * klynge_programme_set_kind:
 * @self: a #KlyngeProgramme
 * @kind: what the programme is
 *
 * Sets the kind. A value that is not a #KlyngeProgrammeKind is a
 * programmer error.
 */
void
klynge_programme_set_kind (KlyngeProgramme     *self,
                           KlyngeProgrammeKind  kind)
{
  g_return_if_fail (KLYNGE_IS_PROGRAMME (self));
  g_return_if_fail ((guint) kind <= KLYNGE_PROGRAMME_KIND_OTHER);

  _klynge_record_store_enum (G_OBJECT (self), (int *) &self->kind, kind,
                             properties[PROP_KIND]);
}

/**
 * klynge_programme_get_start:
 * @self: a #KlyngeProgramme
 *
 * The start date. The pointer is never %NULL; when the date is not known,
 * the date it points to is unset (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the start date
 */
const KlyngeDate *
klynge_programme_get_start (KlyngeProgramme *self)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), NULL);

  return &self->start;
}

/**
 * klynge_programme_get_end:
 * @self: a #KlyngeProgramme
 *
 * The last date. The pointer is never %NULL; when the programme is
 * open-ended or the date is not known, the date it points to is unset
 * (see klynge_date_is_set()).
 *
 * Returns: (transfer none): the end date
 */
const KlyngeDate *
klynge_programme_get_end (KlyngeProgramme *self)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), NULL);

  return &self->end;
}

/**
 * klynge_programme_set_dates:
 * @self: a #KlyngeProgramme
 * @start: (nullable): the start date, or %NULL (or an unset date) when not
 *   known
 * @end: (nullable): the last date, or %NULL (or an unset date) when
 *   open-ended or not known
 * @error: return location for a #GError, or %NULL
 *
 * Sets both dates at once, so that moving a programme never passes
 * through an inconsistent state. As in a #KlyngePeriod, a partial @start
 * stands for its first day and a partial @end for its last.
 *
 * Fails with %KLYNGE_ERROR_BAD_DATE when a date does not exist and with
 * %KLYNGE_ERROR_BAD_PERIOD when @end comes before @start, leaving both
 * dates as they were.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_programme_set_dates (KlyngeProgramme   *self,
                            const KlyngeDate  *start,
                            const KlyngeDate  *end,
                            GError           **error)
{
  KlyngeDate new_start, new_end;

  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_klynge_record_take_dates (start, end, &new_start, &new_end, "Programme",
                                  klynge_record_get_id (KLYNGE_RECORD (self)), error))
    return FALSE;

  /* notified once both are set */
  g_object_freeze_notify (G_OBJECT (self));
  _klynge_record_store_date (G_OBJECT (self), &self->start, &new_start, properties[PROP_START]);
  _klynge_record_store_date (G_OBJECT (self), &self->end, &new_end, properties[PROP_END]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * klynge_programme_get_envelopes:
 * @self: a #KlyngeProgramme
 *
 * The envelopes, in the order they were added. The array belongs to
 * @self; do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeEnvelope): the envelopes
 */
GPtrArray *
klynge_programme_get_envelopes (KlyngeProgramme *self)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), NULL);

  return self->envelopes;
}

/**
 * klynge_programme_add_envelope:
 * @self: a #KlyngeProgramme
 * @envelope: (transfer none): a #KlyngeEnvelope
 * @error: return location for a #GError, or %NULL
 *
 * Appends @envelope, taking a reference to it. Fails with
 * %KLYNGE_ERROR_INCONSISTENT when an envelope of the same funding source
 * already covers part of its period, since the money would be counted
 * twice, leaving the envelopes as they were. A %NULL @envelope is a
 * programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_programme_add_envelope (KlyngeProgramme  *self,
                               KlyngeEnvelope   *envelope,
                               GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (envelope != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->envelopes->len; i++)
    {
      const KlyngeEnvelope *other = g_ptr_array_index (self->envelopes, i);

      if (strcmp (other->source, envelope->source) == 0
          && klynge_period_overlaps (&other->period, &envelope->period))
        {
          g_autofree char *a = klynge_period_to_string (&other->period);
          g_autofree char *b = klynge_period_to_string (&envelope->period);

          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INCONSISTENT,
                       "Programme “%s” already has an envelope from “%s” for %s, "
                       "which overlaps %s",
                       klynge_record_get_id (KLYNGE_RECORD (self)), envelope->source, a, b);
          return FALSE;
        }
    }

  g_ptr_array_add (self->envelopes, klynge_envelope_ref (envelope));
  return TRUE;
}

/**
 * klynge_programme_clear_envelopes:
 * @self: a #KlyngeProgramme
 *
 * Removes all envelopes.
 */
void
klynge_programme_clear_envelopes (KlyngeProgramme *self)
{
  g_return_if_fail (KLYNGE_IS_PROGRAMME (self));

  g_ptr_array_set_size (self->envelopes, 0);
}

/**
 * klynge_programme_get_designations:
 * @self: a #KlyngeProgramme
 *
 * The designations, in the order they were added. The array belongs to
 * @self; do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeDesignation): the
 *   designations
 */
GPtrArray *
klynge_programme_get_designations (KlyngeProgramme *self)
{
  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), NULL);

  return self->designations;
}

/**
 * klynge_programme_add_designation:
 * @self: a #KlyngeProgramme
 * @designation: (transfer none): a #KlyngeDesignation
 * @error: return location for a #GError, or %NULL
 *
 * Appends @designation, taking a reference to it; from then on
 * klynge_designation_get_programme() gives @self's id. Fails with
 * %KLYNGE_ERROR_INCONSISTENT when @designation was added to another
 * programme, leaving the designations as they were: a designation is one
 * programme's. A %NULL @designation is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_programme_add_designation (KlyngeProgramme    *self,
                                  KlyngeDesignation  *designation,
                                  GError            **error)
{
  const char *id;
  char *mine;

  g_return_val_if_fail (KLYNGE_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = klynge_record_get_id (KLYNGE_RECORD (self));
  mine = g_strdup (id);
  /* a value shared between threads: the first programme to claim it wins */
  if (!g_atomic_pointer_compare_and_exchange (&designation->programme, NULL, mine))
    {
      g_free (mine);
      if (strcmp (g_atomic_pointer_get (&designation->programme), id) != 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INCONSISTENT,
                       "The designation of “%s” belongs to programme “%s”, not “%s”",
                       designation->organisation,
                       (const char *) g_atomic_pointer_get (&designation->programme), id);
          return FALSE;
        }
    }

  g_ptr_array_add (self->designations, klynge_designation_ref (designation));
  return TRUE;
}

/**
 * klynge_programme_clear_designations:
 * @self: a #KlyngeProgramme
 *
 * Removes all designations. They keep their programme's id: a designation
 * that was this programme's may be added back to it, never to another.
 */
void
klynge_programme_clear_designations (KlyngeProgramme *self)
{
  g_return_if_fail (KLYNGE_IS_PROGRAMME (self));

  g_ptr_array_set_size (self->designations, 0);
}
