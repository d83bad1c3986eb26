/* klynge-programme.h: the programmes that designate and fund organisations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-record.h>
#include <klynge/klynge-date.h>
#include <klynge/klynge-period.h>
#include <klynge/klynge-landscape.h>

G_BEGIN_DECLS

/**
 * KlyngeProgrammeKind:
 * @KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME: a national cluster programme
 *   (`cluster-programme`)
 * @KLYNGE_PROGRAMME_KIND_INNOVATION_NETWORK_PROGRAMME: a programme of
 *   innovation networks (`innovation-network-programme`)
 * @KLYNGE_PROGRAMME_KIND_TRANSITION_POOL: money set aside for a transition
 *   such as the consolidation (`transition-pool`)
 * @KLYNGE_PROGRAMME_KIND_OTHER: any other programme (`other`)
 *
 * What a programme is.
 */
typedef enum {
  KLYNGE_PROGRAMME_KIND_CLUSTER_PROGRAMME,
  KLYNGE_PROGRAMME_KIND_INNOVATION_NETWORK_PROGRAMME,
  KLYNGE_PROGRAMME_KIND_TRANSITION_POOL,
  KLYNGE_PROGRAMME_KIND_OTHER,
} KlyngeProgrammeKind;

GType klynge_programme_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_PROGRAMME_KIND (klynge_programme_kind_get_type ())

/**
 * KlyngeDesignationRole:
 * @KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER: designated a national cluster
 *   (`national-cluster`)
 * @KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK: designated an innovation
 *   network (`innovation-network`)
 * @KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY: designated the support body
 *   (`support-body`)
 * @KLYNGE_DESIGNATION_ROLE_OTHER: any other role (`other`)
 *
 * As what a programme designated an organisation. Whether an area is a
 * stronghold or an emerging one belongs to the area, not to the role.
 */
typedef enum {
  KLYNGE_DESIGNATION_ROLE_NATIONAL_CLUSTER,
  KLYNGE_DESIGNATION_ROLE_INNOVATION_NETWORK,
  KLYNGE_DESIGNATION_ROLE_SUPPORT_BODY,
  KLYNGE_DESIGNATION_ROLE_OTHER,
} KlyngeDesignationRole;

GType klynge_designation_role_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_DESIGNATION_ROLE (klynge_designation_role_get_type ())

/**
 * KlyngeEnvelope:
 *
 * What a funding source planned to spend through a programme over a
 * period: `<envelope source="deb" start="2021-01-01" end="2021-12-31"
 * amount="80000000.00"/>`. An immutable, reference-counted value.
 */
typedef struct _KlyngeEnvelope KlyngeEnvelope;

GType               klynge_envelope_get_type   (void) G_GNUC_CONST;
#define KLYNGE_TYPE_ENVELOPE (klynge_envelope_get_type ())

KlyngeEnvelope     *klynge_envelope_new        (const char           *source,
                                                const KlyngePeriod   *period,
                                                gint64                amount,
                                                GError              **error);
KlyngeEnvelope     *klynge_envelope_ref        (KlyngeEnvelope       *envelope);
void                klynge_envelope_unref      (KlyngeEnvelope       *envelope);
const char         *klynge_envelope_get_source (const KlyngeEnvelope *envelope);
const KlyngePeriod *klynge_envelope_get_period (const KlyngeEnvelope *envelope);
gint64              klynge_envelope_get_amount (const KlyngeEnvelope *envelope);
gint64              klynge_envelope_amount_in_period (const KlyngeEnvelope *envelope,
                                                      const KlyngePeriod   *period);
guint               klynge_envelope_get_line   (const KlyngeEnvelope *envelope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeEnvelope, klynge_envelope_unref)

/**
 * KlyngeDesignation:
 *
 * A programme's designation of an organisation, as what, for which area
 * (as the source words it), from when to when: `<designation
 * organisation="ecd" role="national-cluster" area="Energiteknologi"
 * start="2021-01-01" end="2024-12-31"/>`. An immutable, reference-counted
 * value; once added to a programme it knows that programme's id.
 */
typedef struct _KlyngeDesignation KlyngeDesignation;

GType                  klynge_designation_get_type         (void) G_GNUC_CONST;
#define KLYNGE_TYPE_DESIGNATION (klynge_designation_get_type ())

KlyngeDesignation     *klynge_designation_new              (const char              *organisation,
                                                            KlyngeDesignationRole    role,
                                                            const char              *area,
                                                            const KlyngeDate        *start,
                                                            const KlyngeDate        *end,
                                                            GError                 **error);
KlyngeDesignation     *klynge_designation_new_in_scheme    (const char              *organisation,
                                                            KlyngeDesignationRole    role,
                                                            const char              *area_scheme,
                                                            const char              *area,
                                                            const KlyngeDate        *start,
                                                            const KlyngeDate        *end,
                                                            GError                 **error);
KlyngeDesignation     *klynge_designation_ref              (KlyngeDesignation       *designation);
void                   klynge_designation_unref            (KlyngeDesignation       *designation);
const char            *klynge_designation_get_organisation (const KlyngeDesignation *designation);
KlyngeDesignationRole  klynge_designation_get_role         (const KlyngeDesignation *designation);
const char            *klynge_designation_get_area         (const KlyngeDesignation *designation);
const char            *klynge_designation_get_area_scheme  (const KlyngeDesignation *designation);
const KlyngeDate      *klynge_designation_get_start        (const KlyngeDesignation *designation);
const KlyngeDate      *klynge_designation_get_end          (const KlyngeDesignation *designation);
const char            *klynge_designation_get_programme    (const KlyngeDesignation *designation);
gboolean               klynge_designation_is_active_on     (const KlyngeDesignation *designation,
                                                            const KlyngeDate        *date);
guint                  klynge_designation_get_line         (const KlyngeDesignation *designation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeDesignation, klynge_designation_unref)

#define KLYNGE_TYPE_PROGRAMME (klynge_programme_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeProgramme, klynge_programme, KLYNGE, PROGRAMME, KlyngeRecord)

KlyngeProgramme     *klynge_programme_new               (const char           *id,
                                                         KlyngeProgrammeKind   kind,
                                                         const char           *name);
const char          *klynge_programme_get_name          (KlyngeProgramme      *self);
gboolean             klynge_programme_set_name          (KlyngeProgramme      *self,
                                                         const char           *name,
                                                         GError              **error);
KlyngeProgrammeKind  klynge_programme_get_kind          (KlyngeProgramme      *self);
void                 klynge_programme_set_kind          (KlyngeProgramme      *self,
                                                         KlyngeProgrammeKind   kind);
const KlyngeDate    *klynge_programme_get_start         (KlyngeProgramme      *self);
const KlyngeDate    *klynge_programme_get_end           (KlyngeProgramme      *self);
gboolean             klynge_programme_set_dates         (KlyngeProgramme      *self,
                                                         const KlyngeDate     *start,
                                                         const KlyngeDate     *end,
                                                         GError              **error);
GPtrArray           *klynge_programme_get_envelopes     (KlyngeProgramme      *self);
gboolean             klynge_programme_add_envelope      (KlyngeProgramme      *self,
                                                         KlyngeEnvelope       *envelope,
                                                         GError              **error);
void                 klynge_programme_clear_envelopes   (KlyngeProgramme      *self);
GPtrArray           *klynge_programme_get_designations  (KlyngeProgramme      *self);
gboolean             klynge_programme_add_designation   (KlyngeProgramme      *self,
                                                         KlyngeDesignation    *designation,
                                                         GError              **error);
void                 klynge_programme_clear_designations (KlyngeProgramme     *self);

/**
 * KlyngeDesignationFilter:
 *
 * Which designations klynge_landscape_designations() returns: by role,
 * programme, area (part of it or of its labels, in any case) and the date they are
 * active on. A new filter matches every designation. Reference-counted.
 */
typedef struct _KlyngeDesignationFilter KlyngeDesignationFilter;

GType                    klynge_designation_filter_get_type      (void) G_GNUC_CONST;
#define KLYNGE_TYPE_DESIGNATION_FILTER (klynge_designation_filter_get_type ())

KlyngeDesignationFilter *klynge_designation_filter_new           (void);
KlyngeDesignationFilter *klynge_designation_filter_ref           (KlyngeDesignationFilter *filter);
void                     klynge_designation_filter_unref         (KlyngeDesignationFilter *filter);
void                     klynge_designation_filter_set_role      (KlyngeDesignationFilter *filter,
                                                                  KlyngeDesignationRole    role);
void                     klynge_designation_filter_set_programme (KlyngeDesignationFilter *filter,
                                                                  const char              *programme);
void                     klynge_designation_filter_set_area      (KlyngeDesignationFilter *filter,
                                                                  const char              *area);
void                     klynge_designation_filter_set_organisation (KlyngeDesignationFilter *filter,
                                                                     const char              *organisation);
void                     klynge_designation_filter_set_active_on (KlyngeDesignationFilter *filter,
                                                                  const KlyngeDate        *date);
gboolean                 klynge_designation_filter_matches       (KlyngeDesignationFilter *filter,
                                                                  const KlyngeDesignation *designation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeDesignationFilter, klynge_designation_filter_unref)

/**
 * KlyngeCoverage:
 *
 * For one funding source and calendar year: the envelope planned through
 * a programme (or all programmes), the contract money recorded against
 * it, pro-rated by days, and the grants whose amount is not known. The
 * ratio is recorded ÷ envelope; klynge never rounds it for you. An
 * immutable, reference-counted value.
 */
typedef struct _KlyngeCoverage KlyngeCoverage;

GType        klynge_coverage_get_type                (void) G_GNUC_CONST;
#define KLYNGE_TYPE_COVERAGE (klynge_coverage_get_type ())

KlyngeCoverage *klynge_coverage_ref                  (KlyngeCoverage       *coverage);
void         klynge_coverage_unref                   (KlyngeCoverage       *coverage);
const char  *klynge_coverage_get_source              (const KlyngeCoverage *coverage);
const char  *klynge_coverage_get_programme           (const KlyngeCoverage *coverage);
guint        klynge_coverage_get_year                (const KlyngeCoverage *coverage);
gint64       klynge_coverage_get_envelope            (const KlyngeCoverage *coverage);
gint64       klynge_coverage_get_recorded            (const KlyngeCoverage *coverage);
guint        klynge_coverage_get_n_unknown_amounts   (const KlyngeCoverage *coverage);
char        *klynge_coverage_format_ratio            (const KlyngeCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeCoverage, klynge_coverage_unref)

GPtrArray       *klynge_landscape_get_programmes      (KlyngeLandscape         *self);
GPtrArray       *klynge_landscape_designations        (KlyngeLandscape         *self,
                                                       KlyngeDesignationFilter *filter);
gboolean         klynge_designation_filter_check      (KlyngeDesignationFilter *filter,
                                                       KlyngeLandscape         *landscape,
                                                       GError                 **error);
GPtrArray       *klynge_landscape_programmes_of       (KlyngeLandscape         *self,
                                                       const char              *organisation);
gint64           klynge_landscape_envelope_in_year    (KlyngeLandscape         *self,
                                                       const char              *programme,
                                                       const char              *source,
                                                       guint                    year);
GPtrArray       *klynge_landscape_coverage            (KlyngeLandscape         *self,
                                                       const char              *programme,
                                                       GError                 **error);

G_END_DECLS
