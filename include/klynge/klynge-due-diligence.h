/* klynge-due-diligence.h: the report on a possible merger
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-landscape.h>
#include <klynge/klynge-member.h>
#include <klynge/klynge-period.h>
#include <klynge/klynge-consolidation.h>
#include <klynge/klynge-count.h>

G_BEGIN_DECLS

/**
 * KlyngeContractConflict:
 *
 * Two contracts of different parties to a merger that would both move to
 * the successor and that the same funding source pays for the same days.
 * An immutable, reference-counted value.
 */
typedef struct _KlyngeContractConflict KlyngeContractConflict;

GType                   klynge_contract_conflict_get_type   (void) G_GNUC_CONST;
#define KLYNGE_TYPE_CONTRACT_CONFLICT (klynge_contract_conflict_get_type ())

KlyngeContractConflict *klynge_contract_conflict_ref        (KlyngeContractConflict       *conflict);
void                    klynge_contract_conflict_unref      (KlyngeContractConflict       *conflict);
const char             *klynge_contract_conflict_get_a      (const KlyngeContractConflict *conflict);
const char             *klynge_contract_conflict_get_b      (const KlyngeContractConflict *conflict);
const char             *klynge_contract_conflict_get_source (const KlyngeContractConflict *conflict);
const KlyngePeriod     *klynge_contract_conflict_get_period (const KlyngeContractConflict *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeContractConflict, klynge_contract_conflict_unref)

#define KLYNGE_TYPE_DUE_DILIGENCE (klynge_due_diligence_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeDueDiligence, klynge_due_diligence, KLYNGE, DUE_DILIGENCE, GObject)

KlyngeDueDiligence *klynge_landscape_due_diligence            (KlyngeLandscape     *landscape,
                                                               const char * const  *ids,
                                                               const KlyngeDate    *date,
                                                               GError             **error);

const char * const *klynge_due_diligence_get_organisations    (KlyngeDueDiligence  *self);
const KlyngeDate   *klynge_due_diligence_get_date             (KlyngeDueDiligence  *self);

/* Members */
guint               klynge_due_diligence_count_members_of     (KlyngeDueDiligence  *self,
                                                               const char          *organisation);
guint               klynge_due_diligence_count_combined_members (KlyngeDueDiligence *self);
GPtrArray          *klynge_due_diligence_get_overlaps         (KlyngeDueDiligence  *self);
GPtrArray          *klynge_due_diligence_list_shared_members  (KlyngeDueDiligence  *self);
guint               klynge_due_diligence_count_by_kind        (KlyngeDueDiligence  *self,
                                                               KlyngeMemberKind     kind);
guint               klynge_due_diligence_count_by_size        (KlyngeDueDiligence  *self,
                                                               KlyngeMemberSize     size);
gboolean            klynge_due_diligence_is_exact             (KlyngeDueDiligence  *self);
void                klynge_due_diligence_get_member_count     (KlyngeDueDiligence  *self,
                                                               const char          *organisation,
                                                               KlyngeCount         *count);
void                klynge_due_diligence_get_combined_member_count (KlyngeDueDiligence *self,
                                                               KlyngeCount         *count);
void                klynge_due_diligence_get_kind_count       (KlyngeDueDiligence  *self,
                                                               KlyngeMemberKind     kind,
                                                               KlyngeCount         *count);
void                klynge_due_diligence_get_size_count       (KlyngeDueDiligence  *self,
                                                               KlyngeMemberSize     size,
                                                               KlyngeCount         *count);
void                klynge_due_diligence_get_role_count       (KlyngeDueDiligence  *self,
                                                               KlyngeMembershipRole role,
                                                               KlyngeCount         *count);

/* Funding */
const KlyngePeriod *klynge_due_diligence_get_year_before      (KlyngeDueDiligence  *self);
const KlyngePeriod *klynge_due_diligence_get_year_after       (KlyngeDueDiligence  *self);
const char * const *klynge_due_diligence_get_funding_sources  (KlyngeDueDiligence  *self);
gint64              klynge_due_diligence_get_funding_before   (KlyngeDueDiligence  *self,
                                                               const char          *source);
gint64              klynge_due_diligence_get_funding_after    (KlyngeDueDiligence  *self,
                                                               const char          *source);
guint               klynge_due_diligence_get_n_unknown_before (KlyngeDueDiligence  *self,
                                                               const char          *source);
guint               klynge_due_diligence_get_n_unknown_after  (KlyngeDueDiligence  *self,
                                                               const char          *source);

/* Contracts */
GPtrArray          *klynge_due_diligence_list_moving_contracts (KlyngeDueDiligence *self);
GPtrArray          *klynge_due_diligence_list_ending_contracts (KlyngeDueDiligence *self);
GPtrArray          *klynge_due_diligence_get_conflicts        (KlyngeDueDiligence  *self);

/* Coverage */
const char * const *klynge_due_diligence_get_focus_areas      (KlyngeDueDiligence  *self);
guint               klynge_due_diligence_count_focus_area     (KlyngeDueDiligence  *self,
                                                               const char          *focus_area);
const char * const *klynge_due_diligence_get_cities           (KlyngeDueDiligence  *self);
guint               klynge_due_diligence_count_city           (KlyngeDueDiligence  *self,
                                                               const char          *city);

/* Problems */
GPtrArray          *klynge_due_diligence_get_problems         (KlyngeDueDiligence  *self);
gboolean            klynge_due_diligence_is_blocked           (KlyngeDueDiligence  *self);

char               *klynge_due_diligence_to_text              (KlyngeDueDiligence  *self);

G_END_DECLS
