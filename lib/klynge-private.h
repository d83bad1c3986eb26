/* klynge-private.h: internal helpers shared by the library's files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Nothing here is exported: the library exports only klynge_* symbols, and
 * these all start with an underscore. Tests reach them by linking the
 * internal convenience library.
 */
#pragma once

#include <klynge/klynge.h>

G_BEGIN_DECLS

/* Asks the processor to fetch memory that a loop will read a few rounds
 * later: memberships point at member slots anywhere in memory. */
#if defined (__GNUC__) || defined (__clang__)
#define KLYNGE_PREFETCH(p) __builtin_prefetch (p)
#else
#define KLYNGE_PREFETCH(p) ((void) (p))
#endif

/* Replaces *field by a copy of @value; returns whether it changed, so
 * that setters notify only on a change (g_set_str() from GLib 2.76). */
static inline gboolean
_klynge_replace_string (char       **field,
                        const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* klynge-identifiers.c: the checks every setter of an id or text runs;
 * both refuse a value longer than KLYNGE_LOAD_DEFAULT_MAX_VALUE_LENGTH
 * with KLYNGE_ERROR_LIMIT_EXCEEDED, which the loader would not take. */
gboolean     _klynge_check_id            (const char        *id,
                                          const char        *what,
                                          GError           **error);
gboolean     _klynge_check_text          (const char        *text,
                                          const char        *what,
                                          gboolean           allow_empty,
                                          GError           **error);
gboolean     _klynge_check_cvr           (const char        *cvr,
                                          GError           **error);

/* klynge-money.c: the one checked sum of amounts. *sum += amount unless
 * the result would leave 0..KLYNGE_MONEY_MAX (both are amounts, so never
 * negative); then FALSE, *sum untouched, and @error (when not NULL) set
 * to KLYNGE_ERROR_OVERFLOW with @what leading the message. Every sum of
 * amounts in the library goes through it: a wrong figure is never given. */
gboolean     _klynge_money_add           (gint64            *sum,
                                          gint64             amount,
                                          const char        *what,
                                          GError           **error);

/* klynge-area.c: the vocabulary of areas, for the records and filters */
char        *_klynge_area_fold           (const char        *text);
gboolean     _klynge_area_check          (const char        *scheme,
                                          const char        *label,
                                          GError           **error);
gboolean     _klynge_area_text_contains  (const char        *scheme,
                                          const char        *text,
                                          const char        *folded_needle);
void         _klynge_area_add_labels     (GPtrArray         *known);

/* klynge-membership.c: an end reason needs an until date
 * (KLYNGE_ERROR_MEMBERSHIP_END_WITHOUT_UNTIL) */
gboolean     _klynge_membership_check_end (const char       *member,
                                          const KlyngeDate  *until,
                                          KlyngeMembershipEnd end,
                                          GError           **error);

/* klynge-enums.c: nick <-> value for the registered enum types */
gboolean     _klynge_enum_from_nick      (GType              type,
                                          const char        *nick,
                                          int               *value);
gboolean     _klynge_enum_from_nick_len  (GType              type,
                                          const char        *nick,
                                          gsize              length,
                                          int               *value);
const char  *_klynge_enum_to_nick        (GType              type,
                                          int                value);

/* klynge-date.c: a date in 32 bits, ordered like klynge_date_compare() and
 * then by precision: (first day << 2) | precision; 0 is "no date". */
guint32      _klynge_date_pack           (const KlyngeDate  *date);
void         _klynge_date_unpack         (guint32            packed,
                                          KlyngeDate        *date);
/* Writes the date's text without a terminating NUL; returns its length
 * (0 for no date). buf must hold 10 bytes. */
gsize        _klynge_date_format         (const KlyngeDate  *date,
                                          char              *buf);
/* The date's text, or @unset for no date; free with g_free(). */
char        *_klynge_date_text           (const KlyngeDate  *date,
                                          const char        *unset);
/* The days a span from @start to @end certainly covers, @first..@last
 * inclusive: a partial date is an interval of uncertainty, so from the
 * last day @start stands for (1 when unset: since ever) through the first
 * day @end stands for (G_MAXUINT32 when unset: no end). FALSE when no day
 * is certain. The one rule for "in force on a date" that designations and
 * identifiers read. */
gboolean     _klynge_date_span_certain_days (const KlyngeDate *start,
                                          const KlyngeDate  *end,
                                          guint32           *first,
                                          guint32           *last);
/* Whether the days @first..@last hold every day @date stands for. */
gboolean     _klynge_days_cover_date     (guint32            first,
                                          guint32            last,
                                          const KlyngeDate  *date);

/* klynge-organisation.c: status on a date, the rule in one place. A
 * partial or missing date is an interval of uncertainty: founded `2014`
 * is not yet founded before 2014-01-01, not known until 2014-12-31 (the
 * latest day it can have been founded, and the founding day is an active
 * one), active from then; dissolved `2021` (its last day fell in 2021) is
 * active on 2021-01-01, not known on 2021-01-02..2021-12-31, dissolved
 * from 2022. With no founding date it is not known to be active before
 * @first_stated_day, the first day on which the records show it active
 * (0 when none does: never known to be active). Never returns MERGED. */
KlyngeOrganisationStatus _klynge_organisation_status_on (KlyngeOrganisation *self,
                                          guint32            day,
                                          guint32            first_stated_day);
/* The first day the organisation's own record shows it active: by the
 * last day of the earliest label's award, or on the first day of its
 * dissolution date (its last day falls on or after it); 0 when neither
 * exists. The landscape adds what its other records state. */
guint32      _klynge_organisation_first_stated_day (KlyngeOrganisation *self);
/* Folds @date's last day (for a date from which on something shows the
 * organisation active) into @first, a day or 0 for none. */
void         _klynge_stated_day_add      (guint32           *first,
                                          const KlyngeDate  *date);
/* The reader's: the line of a <label>, set before the label is shared. */
void         _klynge_label_set_line      (KlyngeLabel       *label,
                                          guint              line);

/* klynge-initiative.c: the lines of the <participant> elements, in step
 * with the participants; 0 for one added through the API. */
void         _klynge_initiative_set_last_participant_line (KlyngeInitiative *self,
                                          guint              line);
guint        _klynge_initiative_get_participant_line (KlyngeInitiative *self,
                                          guint              index);
/* klynge-initiative.c: applying a merger moves an organisation's place
 * among the participants to its successor; the one check of a stated
 * participants count against the list (PARTICIPANTS_COUNT_TOO_LOW). */
void         _klynge_initiative_replace_participant (KlyngeInitiative *self,
                                          const char        *old,
                                          const char        *successor);
gboolean     _klynge_initiative_check_participants_count (KlyngeInitiative *self,
                                          GError           **error);

/* klynge-filter.c: for listings that know the organisation's status on
 * the filter's active-on date (NULL when it has none) from a landscape */
const KlyngeDate *_klynge_filter_get_active_on (KlyngeFilter *filter);
gboolean     _klynge_filter_check_value  (const char               *value,
                                          const char               *what,
                                          GPtrArray                *known,
                                          GError                  **error);
gboolean     _klynge_filter_matches_status (KlyngeFilter             *filter,
                                            KlyngeOrganisation       *organisation,
                                            KlyngeOrganisationStatus  status);

/* klynge-record.c */
void         _klynge_record_set_line     (KlyngeRecord      *self,
                                          guint              line);

/* Called for one reference from @from to the record with id @target
 * (NULL when a required one is missing), which should be of type
 * @expected; @attribute names it in messages, such as "holder". Returns
 * FALSE to stop. */
typedef gboolean (*KlyngeReferenceFunc) (KlyngeRecord *from,
                                         const char   *target,
                                         GType         expected,
                                         const char   *attribute,
                                         gpointer      user_data);
/* Calls @func for every reference @record makes to another record, in
 * document order, through the kind's foreach_reference; stops when @func
 * returns FALSE. */
void         _klynge_record_foreach_reference (KlyngeRecord        *record,
                                               KlyngeReferenceFunc  func,
                                               gpointer             user_data);
/* The version of the format @record needs, through the kind's
 * format_version: 1 when the kind has none. */
guint        _klynge_record_get_format_version (KlyngeRecord     *record);

/* The identifiers @record carries, through the kind's get_identifiers:
 * NULL for kinds that carry none. */
GPtrArray   *_klynge_record_get_identifiers (KlyngeRecord    *record);

/* klynge-identifier.c */
void         _klynge_identifier_set_line (KlyngeIdentifier  *identifier,
                                          guint              line);
/* Whether @identifier is @scheme:@value and, when @date is not NULL,
 * certainly valid on it. */
gboolean     _klynge_identifier_matches  (const KlyngeIdentifier *identifier,
                                          KlyngeIdentifierScheme  scheme,
                                          const char             *value,
                                          const KlyngeDate       *date);
/* Whether @a and @b are the same scheme and value on a common day. */
gboolean     _klynge_identifiers_overlap (const KlyngeIdentifier *a,
                                          const KlyngeIdentifier *b);
/* The identifiers of an organisation or funding source, one rule for
 * both: kept in the order added, and the same scheme and value twice on
 * a common day fails with KLYNGE_ERROR_DUPLICATE_IDENTIFIER naming
 * @owner, leaving @list as it was. */
GPtrArray   *_klynge_identifier_list_new (void);
gboolean     _klynge_identifier_list_add (GPtrArray         *list,
                                          KlyngeIdentifier  *identifier,
                                          KlyngeRecord      *owner,
                                          GError           **error);

/* klynge-contract.c: how many decimals the amount and shares were written
 * with, so that a loaded file saves back unchanged. */
gboolean     _klynge_merger_ends_predecessors (KlyngeMerger *self);

guint        _klynge_contract_get_amount_decimals (KlyngeContract *self);
void         _klynge_contract_set_amount_decimals (KlyngeContract *self,
                                                   guint           decimals);
/* FALSE with KLYNGE_ERROR_MISSING_ELEMENT for a contract of unknown
 * amount without a note saying why. */
gboolean     _klynge_contract_check_unknown_amount_noted (KlyngeContract *self,
                                                          GError        **error);
KlyngeShare *_klynge_share_new_full      (const char        *source,
                                          guint              basis_points,
                                          guint              decimals);
guint        _klynge_share_get_decimals  (const KlyngeShare *share);

/* klynge-programme.c: the same for envelopes, and the lines the reader
 * gives envelopes and designations before they are shared. */
KlyngeEnvelope *_klynge_envelope_new_full (const char           *source,
                                           const KlyngePeriod   *period,
                                           gint64                amount,
                                           guint                 decimals);
guint        _klynge_envelope_get_amount_decimals (const KlyngeEnvelope *envelope);
void         _klynge_envelope_set_line   (KlyngeEnvelope    *envelope,
                                          guint              line);
void         _klynge_designation_set_line (KlyngeDesignation *designation,
                                           guint              line);

/* klynge-problem.c: a GError for a problem, with "file:line:col: " */
void         _klynge_problem_to_error    (const KlyngeProblem *problem,
                                          GError           **error);
void         _klynge_set_error_at        (GError           **error,
                                          int                code,
                                          const char        *file,
                                          guint              line,
                                          guint              column,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (6, 7);
/* A problem whose message is formatted, for the checks that collect them. */
KlyngeProblem *_klynge_problem_new_valist (int         code,
                                           const char *file,
                                           guint       line,
                                           const char *record_id,
                                           const char *format,
                                           va_list     args) G_GNUC_PRINTF (5, 0);
KlyngeProblem *_klynge_problem_new_severity_valist (KlyngeSeverity severity,
                                                    int            code,
                                                    const char    *file,
                                                    guint          line,
                                                    const char    *record_id,
                                                    const char    *format,
                                                    va_list        args) G_GNUC_PRINTF (6, 0);

G_END_DECLS
