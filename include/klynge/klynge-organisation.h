/* klynge-organisation.h: clusters, innovation networks, support bodies
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
#include <klynge/klynge-identifier.h>

G_BEGIN_DECLS

/**
 * KlyngeOrganisationKind:
 * @KLYNGE_ORGANISATION_KIND_CLUSTER: a cluster organisation (`cluster`)
 * @KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK: an innovation network
 *   (`innovation-network`)
 * @KLYNGE_ORGANISATION_KIND_SUPPORT_BODY: a national support body such as
 *   Cluster Excellence Denmark (`support-body`)
 * @KLYNGE_ORGANISATION_KIND_AGENCY: a public agency (`agency`)
 * @KLYNGE_ORGANISATION_KIND_OTHER: anything else (`other`)
 *
 * What an organisation is. The nicks are the XML values.
 */
typedef enum {
  KLYNGE_ORGANISATION_KIND_CLUSTER,
  KLYNGE_ORGANISATION_KIND_INNOVATION_NETWORK,
  KLYNGE_ORGANISATION_KIND_SUPPORT_BODY,
  KLYNGE_ORGANISATION_KIND_AGENCY,
  KLYNGE_ORGANISATION_KIND_OTHER,
} KlyngeOrganisationKind;

GType klynge_organisation_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_ORGANISATION_KIND (klynge_organisation_kind_get_type ())

/**
 * KlyngeLabelLevel:
 * @KLYNGE_LABEL_LEVEL_BRONZE: the ESCA bronze label (`bronze`)
 * @KLYNGE_LABEL_LEVEL_SILVER: the ESCA silver label (`silver`)
 * @KLYNGE_LABEL_LEVEL_GOLD: the ESCA gold label (`gold`)
 *
 * The level of a cluster management excellence label.
 */
typedef enum {
  KLYNGE_LABEL_LEVEL_BRONZE,
  KLYNGE_LABEL_LEVEL_SILVER,
  KLYNGE_LABEL_LEVEL_GOLD,
} KlyngeLabelLevel;

GType klynge_label_level_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_LABEL_LEVEL (klynge_label_level_get_type ())

/**
 * KlyngeOrganisationStatus:
 * @KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED: founded after the date
 * @KLYNGE_ORGANISATION_STATUS_ACTIVE: known to be founded on or before the
 *   date and known not to be dissolved before it
 * @KLYNGE_ORGANISATION_STATUS_DISSOLVED: dissolved before the date, with
 *   no merger that carried it on
 * @KLYNGE_ORGANISATION_STATUS_MERGED: dissolved by a completed merger
 * @KLYNGE_ORGANISATION_STATUS_NOT_KNOWN: the records do not tell whether
 *   it was active on the date: the date falls within a partial founding or
 *   dissolution date (founded `2014`, on `2014-06-01`), or the organisation
 *   has no founding date and the date is before the first day the
 *   landscape shows it active, or it has no dissolution date and the date
 *   is after its known-until date (klynge_organisation_get_known_until())
 *
 * The status of an organisation on a date; derived, never stored. A
 * partial or missing date is an interval of uncertainty, not its first
 * day; see klynge_landscape_get_status().
 */
typedef enum {
  KLYNGE_ORGANISATION_STATUS_NOT_YET_FOUNDED,
  KLYNGE_ORGANISATION_STATUS_ACTIVE,
  KLYNGE_ORGANISATION_STATUS_DISSOLVED,
  KLYNGE_ORGANISATION_STATUS_MERGED,
  KLYNGE_ORGANISATION_STATUS_NOT_KNOWN,
} KlyngeOrganisationStatus;

GType klynge_organisation_status_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_ORGANISATION_STATUS (klynge_organisation_status_get_type ())

/**
 * KlyngeMemberList:
 * @KLYNGE_MEMBER_LIST_UNKNOWN: nothing is known of how complete the
 *   recorded memberships are (`unknown`); the default
 * @KLYNGE_MEMBER_LIST_PARTIAL: the recorded memberships are some of the
 *   organisation's, not all (`partial`)
 * @KLYNGE_MEMBER_LIST_COMPLETE: the recorded memberships are all of the
 *   organisation's (`complete`)
 *
 * How complete an organisation's recorded member list is: what decides
 * whether a count of its members is exact (see #KlyngeCount). The nicks
 * are the values of the `member-list` attribute.
 */
typedef enum {
  KLYNGE_MEMBER_LIST_UNKNOWN,
  KLYNGE_MEMBER_LIST_PARTIAL,
  KLYNGE_MEMBER_LIST_COMPLETE,
} KlyngeMemberList;

GType klynge_member_list_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_MEMBER_LIST (klynge_member_list_get_type ())

/**
 * KlyngeLocation:
 *
 * Where an organisation is: a city, optionally an address, a role such
 * as `secretariat`, and the region and municipality of Denmark it lies in
 * (see klynge_location_new_full()). An immutable, reference-counted value.
 */
typedef struct _KlyngeLocation KlyngeLocation;

GType           klynge_location_get_type    (void) G_GNUC_CONST;
#define KLYNGE_TYPE_LOCATION (klynge_location_get_type ())
KlyngeLocation *klynge_location_new         (const char           *city,
                                             const char           *address,
                                             const char           *role,
                                             GError              **error);
KlyngeLocation *klynge_location_ref         (KlyngeLocation       *location);
void            klynge_location_unref       (KlyngeLocation       *location);
const char     *klynge_location_get_city    (const KlyngeLocation *location);
const char     *klynge_location_get_address (const KlyngeLocation *location);
const char     *klynge_location_get_role    (const KlyngeLocation *location);
KlyngeLocation *klynge_location_new_full    (const char           *city,
                                             const char           *address,
                                             const char           *role,
                                             const char           *region,
                                             const char           *municipality,
                                             GError              **error);
const char     *klynge_location_get_region  (const KlyngeLocation *location);
const char     *klynge_location_get_municipality (const KlyngeLocation *location);
const char     *klynge_location_get_effective_region (const KlyngeLocation *location);
gboolean        klynge_location_equal       (const KlyngeLocation *a,
                                             const KlyngeLocation *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeLocation, klynge_location_unref)

/**
 * KlyngeLabel:
 *
 * An ESCA cluster management excellence label: its level, when it was
 * awarded and, optionally, until when it is valid. An immutable,
 * reference-counted value.
 */
typedef struct _KlyngeLabel KlyngeLabel;

GType             klynge_label_get_type        (void) G_GNUC_CONST;
#define KLYNGE_TYPE_LABEL (klynge_label_get_type ())
KlyngeLabel      *klynge_label_new             (KlyngeLabelLevel   level,
                                                const KlyngeDate  *awarded,
                                                const KlyngeDate  *valid_until,
                                                GError           **error);
KlyngeLabel      *klynge_label_ref             (KlyngeLabel       *label);
void              klynge_label_unref           (KlyngeLabel       *label);
KlyngeLabelLevel  klynge_label_get_level       (const KlyngeLabel *label);
const KlyngeDate *klynge_label_get_awarded     (const KlyngeLabel *label);
const KlyngeDate *klynge_label_get_valid_until (const KlyngeLabel *label);
guint             klynge_label_get_line        (const KlyngeLabel *label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeLabel, klynge_label_unref)

#define KLYNGE_TYPE_ORGANISATION (klynge_organisation_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeOrganisation, klynge_organisation, KLYNGE, ORGANISATION, KlyngeRecord)

KlyngeOrganisation    *klynge_organisation_new             (const char             *id,
                                                            KlyngeOrganisationKind  kind,
                                                            const char             *name);

const char            *klynge_organisation_get_name        (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_name        (KlyngeOrganisation     *self,
                                                            const char             *name,
                                                            GError                **error);
const char            *klynge_organisation_get_name_en     (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_name_en     (KlyngeOrganisation     *self,
                                                            const char             *name_en,
                                                            GError                **error);
KlyngeOrganisationKind klynge_organisation_get_kind        (KlyngeOrganisation     *self);
void                   klynge_organisation_set_kind        (KlyngeOrganisation     *self,
                                                            KlyngeOrganisationKind  kind);
const KlyngeDate      *klynge_organisation_get_founded     (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_founded     (KlyngeOrganisation     *self,
                                                            const KlyngeDate       *founded,
                                                            GError                **error);
const KlyngeDate      *klynge_organisation_get_dissolved   (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_dissolved   (KlyngeOrganisation     *self,
                                                            const KlyngeDate       *dissolved,
                                                            GError                **error);
const KlyngeDate      *klynge_organisation_get_known_until (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_known_until (KlyngeOrganisation     *self,
                                                            const KlyngeDate       *known_until,
                                                            GError                **error);
const char            *klynge_organisation_get_cvr         (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_cvr         (KlyngeOrganisation     *self,
                                                            const char             *cvr,
                                                            GError                **error);
const char            *klynge_organisation_get_website     (KlyngeOrganisation     *self);
gboolean               klynge_organisation_set_website     (KlyngeOrganisation     *self,
                                                            const char             *website,
                                                            GError                **error);
KlyngeMemberList       klynge_organisation_get_member_list (KlyngeOrganisation    *self);
void                   klynge_organisation_set_member_list (KlyngeOrganisation     *self,
                                                            KlyngeMemberList        member_list);
gboolean               klynge_organisation_is_member_list_stated (KlyngeOrganisation *self);
void                   klynge_organisation_unset_member_list (KlyngeOrganisation   *self);

const char * const    *klynge_organisation_get_focus_areas (KlyngeOrganisation     *self);
gboolean               klynge_organisation_add_focus_area  (KlyngeOrganisation     *self,
                                                            const char             *focus_area,
                                                            GError                **error);
gboolean               klynge_organisation_add_focus_area_in_scheme (KlyngeOrganisation *self,
                                                                     const char         *scheme,
                                                                     const char         *focus_area,
                                                                     GError            **error);
const char * const    *klynge_organisation_get_focus_area_schemes (KlyngeOrganisation *self);
gboolean               klynge_organisation_has_focus_area  (KlyngeOrganisation     *self,
                                                            const char             *focus_area);
void                   klynge_organisation_clear_focus_areas (KlyngeOrganisation   *self);

GPtrArray             *klynge_organisation_get_locations   (KlyngeOrganisation     *self);
void                   klynge_organisation_add_location    (KlyngeOrganisation     *self,
                                                            KlyngeLocation         *location);
gboolean               klynge_organisation_has_city        (KlyngeOrganisation     *self,
                                                            const char             *city);
void                   klynge_organisation_clear_locations (KlyngeOrganisation     *self);
gboolean               klynge_organisation_has_region      (KlyngeOrganisation     *self,
                                                            const char             *region);
gboolean               klynge_organisation_has_municipality (KlyngeOrganisation    *self,
                                                            const char             *municipality);

GPtrArray             *klynge_organisation_get_labels      (KlyngeOrganisation     *self);
void                   klynge_organisation_add_label       (KlyngeOrganisation     *self,
                                                            KlyngeLabel            *label);
void                   klynge_organisation_clear_labels    (KlyngeOrganisation     *self);

GPtrArray             *klynge_organisation_get_identifiers (KlyngeOrganisation     *self);
gboolean               klynge_organisation_add_identifier  (KlyngeOrganisation     *self,
                                                            KlyngeIdentifier       *identifier,
                                                            GError                **error);
void                   klynge_organisation_clear_identifiers (KlyngeOrganisation   *self);

gboolean               klynge_organisation_is_active_on    (KlyngeOrganisation     *self,
                                                            const KlyngeDate       *date);

G_END_DECLS
