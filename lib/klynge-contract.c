/* klynge-contract.c: funding contracts with their shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "klynge-record-private.h"

/* 100.00 % in basis points. */
#define FULL_SHARE 10000

/* --- KlyngeShare ---------------------------------------------------------- */

/* One allocation per share: the source id lives right after the header. */
struct _KlyngeShare
{
  guint basis_points;
  guint decimals;
  char source[];
};

G_DEFINE_BOXED_TYPE (KlyngeShare, klynge_share, klynge_share_ref, klynge_share_unref)

/*
 * _klynge_share_new_full:
 * @source: the id of the funding source; a valid id
 * @basis_points: the share, 0 to 10000
 * @decimals: how many decimals the percent was written with, 0 to 2
 *
 * Creates a share from values the caller has already checked, such as the
 * reader's parsed attributes. Invalid values are programmer errors.
 *
 * Returns: (transfer full): a new #KlyngeShare
 */
KlyngeShare *
_klynge_share_new_full (const char *source,
                        guint       basis_points,
                        guint       decimals)
{
  KlyngeShare *share;
  gsize len;

  g_return_val_if_fail (klynge_id_is_valid (source), NULL);
  g_return_val_if_fail (basis_points <= FULL_SHARE, NULL);
  g_return_val_if_fail (decimals <= 2, NULL);

  len = strlen (source);
  share = g_atomic_rc_box_alloc (sizeof (KlyngeShare) + len + 1);
  share->basis_points = basis_points;
  share->decimals = decimals;
  memcpy (share->source, source, len + 1);

  return share;
}

/* The number of decimals the share's percent is written with. */
guint
_klynge_share_get_decimals (const KlyngeShare *share)
{
  g_return_val_if_fail (share != NULL, 2);

  return share->decimals;
}

/**
 * klynge_share_new:
 * @source: the id of the funding source that pays the share
 * @basis_points: the share in hundredths of a percent, 0 to 10000 (so
 *   `50.00` % is 5000)
 * @error: return location for a #GError, or %NULL
 *
 * Creates a share. Its percent is written with two decimals.
 *
 * Fails with %KLYNGE_ERROR_BAD_ID when @source is not an XML NCName and
 * with %KLYNGE_ERROR_BAD_PERCENT when @basis_points is above 10000. A
 * %NULL @source is a programmer error.
 *
 * Returns: (transfer full) (nullable): a new #KlyngeShare, or %NULL with
 *   @error set
 */
KlyngeShare *
klynge_share_new (const char  *source,
                  guint        basis_points,
                  GError     **error)
{
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_klynge_check_id (source, "source", error))
    return NULL;

  if (basis_points > FULL_SHARE)
    {
      g_autofree char *percent = klynge_percent_to_string (basis_points, 2);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_PERCENT,
                   "A share of %s %% is above 100 %%", percent);
      return NULL;
    }

  return _klynge_share_new_full (source, basis_points, 2);
}

/**
 * klynge_share_ref:
 * @share: a #KlyngeShare
 *
 * Takes a reference to @share.
 *
 * Returns: (transfer full): @share
 */
KlyngeShare *
klynge_share_ref (KlyngeShare *share)
{
  g_return_val_if_fail (share != NULL, NULL);

  return g_atomic_rc_box_acquire (share);
}

/**
 * klynge_share_unref:
 * @share: (transfer full): a #KlyngeShare
 *
 * Drops a reference to @share, freeing it when it was the last one.
 */
void
klynge_share_unref (KlyngeShare *share)
{
  g_return_if_fail (share != NULL);

  g_atomic_rc_box_release (share);
}

/**
 * klynge_share_get_source:
 * @share: a #KlyngeShare
 *
 * Returns: (transfer none): the id of the funding source
 */
const char *
klynge_share_get_source (const KlyngeShare *share)
{
  g_return_val_if_fail (share != NULL, NULL);

  return share->source;
}

/**
 * klynge_share_get_basis_points:
 * @share: a #KlyngeShare
 *
 * Returns: the share in hundredths of a percent
 */
guint
klynge_share_get_basis_points (const KlyngeShare *share)
{
  g_return_val_if_fail (share != NULL, 0);

  return share->basis_points;
}

/* --- KlyngeContract ------------------------------------------------------- */

/**
 * KlyngeContract:
 *
 * A funding contract: the organisation that holds it, its period, its
 * total amount in øre, the shares of it that funding sources pay and,
 * optionally, the contract it renews and the programme it belongs to.
 *
 * Amounts are exact: every split of the amount, by share or by period,
 * sums to the whole, øre for øre. In version 2 of the format the amount
 * may be not known (klynge_contract_set_amount_unknown(), with a note
 * saying why): then every amount the contract gives is -1, which no
 * amount is, and sums count such contracts instead of adding anything.
 */
struct _KlyngeContract
{
  KlyngeRecord parent_instance;

  char *holder;
  KlyngePeriod period;
  gint64 amount;                /* -1 when not known */
  guint amount_decimals;
  char *renews;
  char *programme;
  GPtrArray *shares;            /* (element-type KlyngeShare) */
};

G_DEFINE_FINAL_TYPE (KlyngeContract, klynge_contract, KLYNGE_TYPE_RECORD)

enum {
  PROP_0,
  PROP_HOLDER,
  PROP_PERIOD,
  PROP_AMOUNT,
  PROP_RENEWS,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_contract_finalize (GObject *object)
{
  KlyngeContract *self = KLYNGE_CONTRACT (object);

  g_free (self->holder);
  g_free (self->renews);
  g_free (self->programme);
  g_ptr_array_unref (self->shares);

  G_OBJECT_CLASS (klynge_contract_parent_class)->finalize (object);
}

static void
klynge_contract_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KlyngeContract *self = KLYNGE_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_HOLDER:
      g_value_set_string (value, self->holder);
      break;
    case PROP_PERIOD:
      g_value_set_boxed (value, klynge_date_is_set (&self->period.start)
                                ? &self->period : NULL);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_RENEWS:
      g_value_set_string (value, self->renews);
      break;
    case PROP_PROGRAMME:
      g_value_set_string (value, self->programme);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_contract_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KlyngeContract *self = KLYNGE_CONTRACT (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_HOLDER:
      klynge_contract_set_holder (self, g_value_get_string (value), &error);
      break;
    case PROP_PERIOD:
      klynge_contract_set_period (self, g_value_get_boxed (value), &error);
      break;
    case PROP_AMOUNT:
      if (g_value_get_int64 (value) == -1)
        klynge_contract_set_amount_unknown (self);
      else
        klynge_contract_set_amount (self, g_value_get_int64 (value), &error);
      break;
    case PROP_RENEWS:
      klynge_contract_set_renews (self, g_value_get_string (value), &error);
      break;
    case PROP_PROGRAMME:
      klynge_contract_set_programme (self, g_value_get_string (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  _klynge_record_check_property_set (object, pspec, error);
}

static void
klynge_contract_foreach_reference (KlyngeRecord *record,
                                   GCallback     callback,
                                   gpointer      user_data)
{
  KlyngeReferenceFunc func = (KlyngeReferenceFunc) callback;
  KlyngeContract *self = KLYNGE_CONTRACT (record);
  const char *renews = klynge_contract_get_renews (self);
  GPtrArray *shares = klynge_contract_get_shares (self);

  if (!func (record, klynge_contract_get_holder (self), KLYNGE_TYPE_ORGANISATION, "holder", user_data))
    return;
  if (renews != NULL && !func (record, renews, KLYNGE_TYPE_CONTRACT, "renews", user_data))
    return;
  for (guint i = 0; i < shares->len; i++)
    if (!func (record, klynge_share_get_source (g_ptr_array_index (shares, i)),
               KLYNGE_TYPE_FUNDING_SOURCE, "share source", user_data))
      return;
  if (self->programme != NULL)
    func (record, self->programme, KLYNGE_TYPE_PROGRAMME, "programme", user_data);
}

/* Naming a programme and leaving the amount out are new in version 2 of
 * the format. */
static guint
klynge_contract_format_version (KlyngeRecord *record)
{
  KlyngeContract *self = KLYNGE_CONTRACT (record);

  return self->programme != NULL || self->amount < 0 ? 2 : 1;
}

static void
klynge_contract_class_init (KlyngeContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KlyngeRecordClass *record_class = KLYNGE_RECORD_CLASS (klass);

  object_class->finalize = klynge_contract_finalize;
  object_class->get_property = klynge_contract_get_property;
  object_class->set_property = klynge_contract_set_property;

  record_class->element_name = "contract";
  record_class->foreach_reference = klynge_contract_foreach_reference;
  record_class->format_version = klynge_contract_format_version;

  /**
   * KlyngeContract:holder:
   *
   * The id of the organisation that holds the contract.
   */
  properties[PROP_HOLDER] =
    g_param_spec_string ("holder", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeContract:period:
   *
   * The period the contract runs, both ends inclusive.
   */
  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, KLYNGE_TYPE_PERIOD,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeContract:amount:
   *
   * The total amount of the contract in øre (DKK × 100), or -1 when it
   * is not known (setting -1 makes it not known).
   */
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, -1, KLYNGE_MONEY_MAX, 0,
                        KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeContract:renews:
   *
   * The id of the contract this one renews, or %NULL.
   */
  properties[PROP_RENEWS] =
    g_param_spec_string ("renews", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  /**
   * KlyngeContract:programme:
   *
   * The id of the programme the contract belongs to, or %NULL.
   */
  properties[PROP_PROGRAMME] =
    g_param_spec_string ("programme", NULL, NULL, NULL, KLYNGE_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_contract_init (KlyngeContract *self)
{
  self->amount_decimals = 2;
  self->shares = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_share_unref);
}

static gboolean
period_is_valid (const KlyngePeriod *period)
{
  KlyngePeriod check;

  return klynge_period_init (&check, &period->start, &period->end, NULL);
}

/**
 * klynge_contract_new:
 * @id: the identifier, an XML NCName
 * @holder: the id of the organisation that holds the contract
 * @period: the period the contract runs
 * @amount: the total amount in øre, not negative
 *
 * Creates a contract with no shares. Add them with
 * klynge_contract_add_share(). An invalid @id or @holder, an invalid
 * @period (see klynge_period_init()) or a negative @amount is a programmer
 * error.
 *
 * Returns: (transfer full): a new #KlyngeContract
 */
KlyngeContract *
klynge_contract_new (const char         *id,
                     const char         *holder,
                     const KlyngePeriod *period,
                     gint64              amount)
{
  g_return_val_if_fail (klynge_id_is_valid (id), NULL);
  g_return_val_if_fail (klynge_id_is_valid (holder), NULL);
  g_return_val_if_fail (period != NULL && period_is_valid (period), NULL);
  g_return_val_if_fail (amount >= 0, NULL);

  return g_object_new (KLYNGE_TYPE_CONTRACT,
                       "id", id,
                       "holder", holder,
                       "period", period,
                       "amount", amount,
                       NULL);
}

/**
 * klynge_contract_get_holder:
 * @self: a #KlyngeContract
 *
 * Returns: (transfer none): the id of the organisation that holds the
 *   contract
 */
const char *
klynge_contract_get_holder (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), NULL);

  return self->holder;
}

/**
 * klynge_contract_set_holder:
 * @self: a #KlyngeContract
 * @holder: the id of the organisation that holds the contract
 * @error: return location for a #GError, or %NULL
 *
 * Sets the holder. Whether @holder names an organisation is checked by the
 * landscape, not here. Fails with %KLYNGE_ERROR_BAD_ID when @holder is not
 * an XML NCName, leaving the holder as it was. A %NULL @holder is a
 * programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_contract_set_holder (KlyngeContract  *self,
                            const char      *holder,
                            GError         **error)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (holder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->holder, holder,
                                    KLYNGE_STRING_ID, "holder",
                                    properties[PROP_HOLDER], error);
}

/**
 * klynge_contract_get_period:
 * @self: a #KlyngeContract
 *
 * Returns: (transfer none): the period the contract runs
 */
const KlyngePeriod *
klynge_contract_get_period (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), NULL);

  return &self->period;
}

/**
 * klynge_contract_set_period:
 * @self: a #KlyngeContract
 * @period: the period the contract runs
 * @error: return location for a #GError, or %NULL
 *
 * Sets the period. Fails with %KLYNGE_ERROR_BAD_PERIOD when @period lacks
 * a start or an end or ends before it starts, and with
 * %KLYNGE_ERROR_BAD_DATE when one of its dates does not exist, leaving the
 * period as it was. A %NULL @period is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_contract_set_period (KlyngeContract      *self,
                            const KlyngePeriod  *period,
                            GError             **error)
{
  KlyngePeriod checked;

  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!klynge_period_init (&checked, &period->start, &period->end, error))
    return FALSE;

  if (klynge_period_equal (&self->period, &checked))
    return TRUE;

  self->period = checked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  return TRUE;
}

/**
 * klynge_contract_get_amount:
 * @self: a #KlyngeContract
 *
 * The total amount. When it is not known (klynge_contract_has_amount())
 * this is -1, which no amount is: never add it to a sum, count the
 * contract instead.
 *
 * Returns: the total amount in øre, or -1 when it is not known
 */
gint64
klynge_contract_get_amount (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), 0);

  return self->amount;
}

/**
 * klynge_contract_set_amount:
 * @self: a #KlyngeContract
 * @amount: the total amount in øre
 * @error: return location for a #GError, or %NULL
 *
 * Sets the total amount, which makes it known. Fails with
 * %KLYNGE_ERROR_BAD_MONEY when @amount is negative, leaving the amount as
 * it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_contract_set_amount (KlyngeContract  *self,
                            gint64           amount,
                            GError         **error)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (amount < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BAD_MONEY,
                   "The amount of contract “%s” cannot be negative (%"
                   G_GINT64_FORMAT " øre)",
                   klynge_record_get_id (KLYNGE_RECORD (self)), amount);
      return FALSE;
    }

  if (self->amount == amount)
    return TRUE;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
  return TRUE;
}

/**
 * klynge_contract_has_amount:
 * @self: a #KlyngeContract
 *
 * Whether the contract's total amount is known. A contract whose amount
 * the sources do not give has none (`amount` left out, a note saying
 * why); it needs version 2 of the format.
 *
 * Returns: %TRUE when the amount is known
 */
gboolean
klynge_contract_has_amount (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);

  return self->amount >= 0;
}

/**
 * klynge_contract_set_amount_unknown:
 * @self: a #KlyngeContract
 *
 * Makes the total amount not known: klynge_contract_get_amount() and the
 * share and period amounts are then -1, and funding totals count the
 * contract among the grants of unknown amount
 * (klynge_funding_total_get_n_unknown()). Say why in the contract's note.
 * klynge_contract_set_amount() makes it known again.
 */
void
klynge_contract_set_amount_unknown (KlyngeContract *self)
{
  g_return_if_fail (KLYNGE_IS_CONTRACT (self));

  if (self->amount < 0)
    return;
  self->amount = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

/* An amount is left out only for a reason a reader of the file can read:
 * a contract of unknown amount needs a note. Checked by the reader and
 * by klynge-reloadable.c, so that what is saved loads again. */
gboolean
_klynge_contract_check_unknown_amount_noted (KlyngeContract  *self,
                                             GError         **error)
{
  if (self->amount >= 0 || klynge_record_get_note (KLYNGE_RECORD (self)) != NULL)
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ELEMENT,
               "contract “%s” has no amount and no note saying why it is not known",
               klynge_record_get_id (KLYNGE_RECORD (self)));
  return FALSE;
}

/* The number of decimals the amount is written with, 0 to 2. */
guint
_klynge_contract_get_amount_decimals (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), 2);

  return self->amount_decimals;
}

void
_klynge_contract_set_amount_decimals (KlyngeContract *self,
                                      guint           decimals)
{
  g_return_if_fail (KLYNGE_IS_CONTRACT (self));
  g_return_if_fail (decimals <= 2);

  self->amount_decimals = decimals;
}

/**
 * klynge_contract_get_renews:
 * @self: a #KlyngeContract
 *
 * Returns: (transfer none) (nullable): the id of the contract this one
 *   renews, or %NULL
 */
const char *
klynge_contract_get_renews (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), NULL);

  return self->renews;
}

/**
 * klynge_contract_set_renews:
 * @self: a #KlyngeContract
 * @renews: (nullable): the id of the contract this one renews, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Sets the contract this one renews, so that renewals form chains. Whether
 * @renews names a contract is checked by the landscape, not here. Fails
 * with %KLYNGE_ERROR_BAD_ID when @renews is not an XML NCName and with
 * %KLYNGE_ERROR_INCONSISTENT when it is the contract's own id, leaving the
 * value as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_contract_set_renews (KlyngeContract  *self,
                            const char      *renews,
                            GError         **error)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (renews != NULL &&
      !_klynge_record_check_other_id (KLYNGE_RECORD (self), renews, "renews",
                                      "Contract", "renew", error))
    return FALSE;

  _klynge_record_store_string (G_OBJECT (self), &self->renews, renews,
                               properties[PROP_RENEWS]);
  return TRUE;
}

/**
 * klynge_contract_get_programme:
 * @self: a #KlyngeContract
 *
 * Returns: (transfer none) (nullable): the id of the programme the
 *   contract belongs to, or %NULL
 */
const char *
klynge_contract_get_programme (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), NULL);

  return self->programme;
}

/**
 * klynge_contract_set_programme:
 * @self: a #KlyngeContract
 * @programme: (nullable): the id of the programme the contract belongs
 *   to, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Sets the programme the contract belongs to, so that the contract's
 * money counts against the programme's envelopes. Whether @programme
 * names a programme is checked by the landscape, not here. A contract
 * that names a programme needs version 2 of the format. Fails with
 * %KLYNGE_ERROR_BAD_ID when @programme is not an XML NCName, leaving the
 * value as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_contract_set_programme (KlyngeContract  *self,
                               const char      *programme,
                               GError         **error)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _klynge_record_set_string (G_OBJECT (self), &self->programme, programme,
                                    KLYNGE_STRING_ID, "programme",
                                    properties[PROP_PROGRAMME], error);
}

/**
 * klynge_contract_get_shares:
 * @self: a #KlyngeContract
 *
 * The shares, in the order they were added. The array belongs to @self;
 * do not modify it.
 *
 * Returns: (transfer none) (element-type KlyngeShare): the shares
 */
GPtrArray *
klynge_contract_get_shares (KlyngeContract *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), NULL);

  return self->shares;
}

/* The index of @source's share, or -1. */
static int
find_share (KlyngeContract *self,
            const char     *source)
{
  for (guint i = 0; i < self->shares->len; i++)
    {
      const KlyngeShare *share = g_ptr_array_index (self->shares, i);

      if (strcmp (share->source, source) == 0)
        return (int) i;
    }

  return -1;
}

/**
 * klynge_contract_add_share:
 * @self: a #KlyngeContract
 * @share: (transfer none): a #KlyngeShare
 * @error: return location for a #GError, or %NULL
 *
 * Appends @share, taking a reference to it. The shares need not sum to
 * 100 % while they are being added; klynge_contract_check_shares() checks
 * that. Fails with %KLYNGE_ERROR_DUPLICATE_ID when the contract already
 * has a share from the same funding source, leaving the shares as they
 * were. A %NULL @share is a programmer error.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 */
gboolean
klynge_contract_add_share (KlyngeContract  *self,
                           KlyngeShare     *share,
                           GError         **error)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (share != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (find_share (self, share->source) >= 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_DUPLICATE_ID,
                   "Contract “%s” already has a share from “%s”",
                   klynge_record_get_id (KLYNGE_RECORD (self)), share->source);
      return FALSE;
    }

  g_ptr_array_add (self->shares, klynge_share_ref (share));
  return TRUE;
}

/**
 * klynge_contract_clear_shares:
 * @self: a #KlyngeContract
 *
 * Removes all shares.
 */
void
klynge_contract_clear_shares (KlyngeContract *self)
{
  g_return_if_fail (KLYNGE_IS_CONTRACT (self));

  g_ptr_array_set_size (self->shares, 0);
}

/**
 * klynge_contract_get_shares_total:
 * @self: a #KlyngeContract
 *
 * Returns: the sum of the shares in basis points; 10000 for a complete
 *   contract
 */
guint
klynge_contract_get_shares_total (KlyngeContract *self)
{
  guint total = 0;

  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), 0);

  for (guint i = 0; i < self->shares->len; i++)
    total += ((const KlyngeShare *) g_ptr_array_index (self->shares, i))->basis_points;

  return total;
}

/**
 * klynge_contract_check_shares:
 * @self: a #KlyngeContract
 * @error: return location for a #GError, or %NULL
 *
 * Checks that the contract has at least one share and that its shares sum
 * to exactly 100.00 %. Fails with %KLYNGE_ERROR_MISSING_ELEMENT when it
 * has no share and with %KLYNGE_ERROR_SHARES_NOT_100 when the sum is
 * anything else.
 *
 * Returns: %TRUE when the shares are complete, %FALSE with @error set
 *   otherwise
 */
gboolean
klynge_contract_check_shares (KlyngeContract  *self,
                              GError         **error)
{
  guint total;

  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->shares->len == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_MISSING_ELEMENT,
                   "Contract “%s” has no share",
                   klynge_record_get_id (KLYNGE_RECORD (self)));
      return FALSE;
    }

  total = klynge_contract_get_shares_total (self);
  if (total != FULL_SHARE)
    {
      g_autofree char *percent = klynge_percent_to_string (total, 2);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_SHARES_NOT_100,
                   "The shares of contract “%s” sum to %s %%, not 100 %%",
                   klynge_record_get_id (KLYNGE_RECORD (self)), percent);
      return FALSE;
    }

  return TRUE;
}

/**
 * klynge_contract_check_equal_shares:
 * @self: a contract
 * @sources: (nullable) (array zero-terminated=1): the ids of the
 *   co-funders that should pay equal shares, or %NULL for all the
 *   contract's sources
 * @error: return location for a #GError
 *
 * Checks that co-funders pay equal shares of the contract, as a contract
 * "financed equally by the two agencies" should: every named source must
 * have a share, and all of them the same percent. Equal percents give
 * amounts (klynge_contract_share_amount()) that differ by at most one
 * øre, the øre left over by the split going to the earlier share. Fewer
 * than two sources are trivially equal.
 *
 * Returns: %TRUE when the shares are equal; otherwise %FALSE with
 *   %KLYNGE_ERROR_SHARES_NOT_EQUAL, naming the first source whose share
 *   differs from the first one's or that has none
 */
gboolean
klynge_contract_check_equal_shares (KlyngeContract      *self,
                                    const char * const  *sources,
                                    GError             **error)
{
  const char *id;
  GPtrArray *shares;
  const KlyngeShare *first = NULL;
  guint n;

  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = klynge_record_get_id (KLYNGE_RECORD (self));
  shares = klynge_contract_get_shares (self);
  n = sources != NULL ? g_strv_length ((char **) sources) : shares->len;

  for (guint i = 0; i < n; i++)
    {
      int index = sources != NULL ? find_share (self, sources[i]) : (int) i;
      const KlyngeShare *share = index >= 0 ? g_ptr_array_index (shares, index) : NULL;

      if (share == NULL)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_SHARES_NOT_EQUAL,
                       "contract “%s”: “%s” has no share, so it does not pay an equal share",
                       id, sources[i]);
          return FALSE;
        }
      if (first == NULL)
        first = share;
      else if (klynge_share_get_basis_points (share) != klynge_share_get_basis_points (first))
        {
          g_autofree char *a = klynge_percent_to_string (klynge_share_get_basis_points (first), 2);
          g_autofree char *b = klynge_percent_to_string (klynge_share_get_basis_points (share), 2);

          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_SHARES_NOT_EQUAL,
                       "contract “%s”: “%s” pays %s %% but “%s” pays %s %%, not an equal share",
                       id, klynge_share_get_source (first), a,
                       klynge_share_get_source (share), b);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * klynge_contract_amount_in_period:
 * @self: a #KlyngeContract
 * @period: the period to ask about
 *
 * The part of the total amount that falls in @period, pro-rated by days
 * with klynge_period_prorate(): exact to the øre, and the parts of periods
 * that split the contract period sum to the total.
 *
 * Returns: the amount in øre; 0 when @period does not overlap the
 *   contract period; -1 when the contract's amount is not known
 */
gint64
klynge_contract_amount_in_period (KlyngeContract     *self,
                                  const KlyngePeriod *period)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), 0);
  g_return_val_if_fail (period != NULL, 0);

  if (self->amount < 0)
    return -1;
  return klynge_period_prorate (&self->period, self->amount, period);
}

/* amount × basis_points ÷ 10000 as a quotient and a remainder, computed
 * without overflow for any amount up to KLYNGE_MONEY_MAX. */
static void
split_share (gint64  amount,
             guint   basis_points,
             gint64 *quotient,
             guint  *remainder)
{
  gint64 low = (amount % FULL_SHARE) * basis_points;    /* below 10^8 */

  *quotient = (amount / FULL_SHARE) * basis_points + low / FULL_SHARE;
  *remainder = (guint) (low % FULL_SHARE);
}

/**
 * klynge_contract_share_amount:
 * @self: a #KlyngeContract
 * @source: the id of a funding source
 *
 * The part of the total amount that @source pays, exact to the øre. Every
 * share first gets ⌊amount × basis points ÷ 10000⌋; the øre left over then
 * go one each to the shares with the largest remainders, the earlier share
 * first on ties (the largest remainder method). So when the shares sum to
 * 100 % their parts sum to the total exactly: 100 øre split 33.33 /
 * 33.33 / 33.34 % gives 33, 33 and 34 øre. (Shares that sum to something
 * else get parts that sum to ⌊amount × their sum ÷ 10000⌋.)
 *
 * Returns: the amount in øre; 0 when @source has no share in the
 *   contract; -1 when it has one and the contract's amount is not known
 */
gint64
klynge_contract_share_amount (KlyngeContract *self,
                              const char     *source)
{
  gint64 quotient = 0;
  guint remainder = 0;
  guint64 remainders = 0;
  guint64 leftover;
  guint rank = 0;
  int index;

  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  index = find_share (self, source);
  if (index < 0)
    return 0;
  if (self->amount < 0)
    return -1;

  split_share (self->amount,
               ((const KlyngeShare *) g_ptr_array_index (self->shares, index))->basis_points,
               &quotient, &remainder);

  /* rank: how many shares come before this one in the queue for the
   * leftover øre (larger remainder, or equal remainder and earlier). */
  for (guint i = 0; i < self->shares->len; i++)
    {
      const KlyngeShare *other = g_ptr_array_index (self->shares, i);
      gint64 other_quotient;
      guint other_remainder;

      split_share (self->amount, other->basis_points,
                   &other_quotient, &other_remainder);
      remainders += other_remainder;

      if (other_remainder > remainder ||
          (other_remainder == remainder && i < (guint) index))
        rank++;
    }

  /* The remainders sum to a multiple of 10000 when the shares sum to
   * 100 %; each whole 10000 is one øre the floors left over. */
  leftover = remainders / FULL_SHARE;

  return quotient + (rank < leftover ? 1 : 0);
}

/**
 * klynge_contract_share_amount_in_period:
 * @self: a #KlyngeContract
 * @source: the id of a funding source
 * @period: the period to ask about
 *
 * The part of @source's amount (see klynge_contract_share_amount()) that
 * falls in @period, pro-rated by days over the contract period with
 * klynge_period_prorate(). The parts for periods that split the contract
 * period, such as klynge_period_split_by_year(), sum to the source's
 * amount exactly.
 *
 * Returns: the amount in øre; 0 when @source has no share in the contract
 *   or @period does not overlap the contract period; -1 when it has one
 *   and the contract's amount is not known
 */
gint64
klynge_contract_share_amount_in_period (KlyngeContract     *self,
                                        const char         *source,
                                        const KlyngePeriod *period)
{
  gint64 amount;

  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), 0);
  g_return_val_if_fail (source != NULL, 0);
  g_return_val_if_fail (period != NULL, 0);

  amount = klynge_contract_share_amount (self, source);
  if (amount < 0)
    return -1;
  return klynge_period_prorate (&self->period, amount, period);
}

/**
 * klynge_contract_moves_to_successor:
 * @self: a contract
 * @predecessors: (array zero-terminated=1): the ids of the organisations
 *   that a merger folds into its successor
 * @effective: the date the merger takes effect; set. A partial date
 *   stands for its first day.
 *
 * Whether the merger moves @self to its successor. A contract moves when
 * one of @predecessors holds it and its period ends on or after the
 * effective date. It moves whole, so its funding, even for days before
 * that date, becomes the successor's. A contract that ended before the
 * effective date stays with its holder as history.
 *
 * klynge_landscape_apply_merger() moves contracts by this rule, and a
 * due-diligence report lists them by it.
 *
 * Returns: %TRUE when @self moves to the successor
 */
gboolean
klynge_contract_moves_to_successor (KlyngeContract     *self,
                                    const char * const *predecessors,
                                    const KlyngeDate   *effective)
{
  g_return_val_if_fail (KLYNGE_IS_CONTRACT (self), FALSE);
  g_return_val_if_fail (predecessors != NULL, FALSE);
  g_return_val_if_fail (effective != NULL && klynge_date_is_set (effective), FALSE);

  return self->holder != NULL
    && g_strv_contains (predecessors, self->holder)
    && klynge_period_get_last_day (&self->period) >= klynge_date_get_first_day (effective);
}
