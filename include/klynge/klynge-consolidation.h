/* klynge-consolidation.h: applying mergers, lineage, the landscape as of a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-landscape.h>
#include <klynge/klynge-merger.h>
#include <klynge/klynge-count.h>

G_BEGIN_DECLS

/* Checking and applying mergers */
GPtrArray  *klynge_landscape_check_merger      (KlyngeLandscape     *self,
                                                KlyngeMerger        *merger);
GPtrArray  *klynge_landscape_check_merger_of   (KlyngeLandscape     *self,
                                                KlyngeMergerKind     kind,
                                                const char          *successor,
                                                const char * const  *predecessors,
                                                const KlyngeDate    *effective);
gboolean    klynge_landscape_apply_merger      (KlyngeLandscape     *self,
                                                KlyngeMerger        *merger,
                                                GError             **error);

/* Status on a date */
KlyngeOrganisationStatus klynge_landscape_get_status (KlyngeLandscape  *self,
                                                      const char       *id,
                                                      const KlyngeDate *date,
                                                      const char      **merged_into);
const char *klynge_landscape_resolve_on        (KlyngeLandscape     *self,
                                                const char          *id,
                                                const KlyngeDate    *date);

/**
 * KlyngeLineageLink:
 *
 * One step of an organisation's lineage: an ancestor or descendant, the
 * completed merger that links it and that merger's effective date. An
 * immutable, reference-counted value.
 */
typedef struct _KlyngeLineageLink KlyngeLineageLink;

GType               klynge_lineage_link_get_type         (void) G_GNUC_CONST;
#define KLYNGE_TYPE_LINEAGE_LINK (klynge_lineage_link_get_type ())

KlyngeLineageLink  *klynge_lineage_link_ref              (KlyngeLineageLink       *link);
void                klynge_lineage_link_unref            (KlyngeLineageLink       *link);
const char         *klynge_lineage_link_get_organisation (const KlyngeLineageLink *link);
const char         *klynge_lineage_link_get_via          (const KlyngeLineageLink *link);
const char         *klynge_lineage_link_get_merger       (const KlyngeLineageLink *link);
KlyngeMergerKind    klynge_lineage_link_get_kind         (const KlyngeLineageLink *link);
const KlyngeDate   *klynge_lineage_link_get_effective    (const KlyngeLineageLink *link);
guint               klynge_lineage_link_get_depth        (const KlyngeLineageLink *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeLineageLink, klynge_lineage_link_unref)

GPtrArray  *klynge_landscape_list_ancestors    (KlyngeLandscape     *self,
                                                const char          *id);
GPtrArray  *klynge_landscape_list_descendants  (KlyngeLandscape     *self,
                                                const char          *id);
char       *klynge_landscape_lineage_to_dot    (KlyngeLandscape     *self,
                                                const char          *id);

/**
 * KlyngeOverlap:
 *
 * How many distinct members two organisations share: one row of
 * klynge_landscape_member_overlaps_on() or of a due-diligence report. Its
 * figures are exact only when both member lists are complete
 * (klynge_overlap_is_exact()); otherwise they count the known members and
 * are lower bounds. An immutable, reference-counted value.
 */
typedef struct _KlyngeOverlap KlyngeOverlap;

GType          klynge_overlap_get_type    (void) G_GNUC_CONST;
#define KLYNGE_TYPE_OVERLAP (klynge_overlap_get_type ())

KlyngeOverlap *klynge_overlap_new         (const char          *a,
                                           const char          *b,
                                           guint                shared,
                                           guint                n_union);
KlyngeOverlap *klynge_overlap_new_with_certainty (const char    *a,
                                           const char          *b,
                                           guint                shared,
                                           guint                n_union,
                                           gboolean             exact);
KlyngeOverlap *klynge_overlap_ref         (KlyngeOverlap       *overlap);
void           klynge_overlap_unref       (KlyngeOverlap       *overlap);
const char    *klynge_overlap_get_a       (const KlyngeOverlap *overlap);
const char    *klynge_overlap_get_b       (const KlyngeOverlap *overlap);
guint          klynge_overlap_get_shared  (const KlyngeOverlap *overlap);
guint          klynge_overlap_get_union   (const KlyngeOverlap *overlap);
double         klynge_overlap_get_jaccard (const KlyngeOverlap *overlap);
gboolean       klynge_overlap_is_exact    (const KlyngeOverlap *overlap);
void           klynge_overlap_get_shared_count (const KlyngeOverlap *overlap,
                                           KlyngeCount         *count);
void           klynge_overlap_get_union_count (const KlyngeOverlap *overlap,
                                           KlyngeCount         *count);
gboolean       klynge_overlap_get_exact_jaccard (const KlyngeOverlap *overlap,
                                           double              *jaccard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeOverlap, klynge_overlap_unref)

guint       klynge_landscape_count_shared_members (KlyngeLandscape  *self,
                                                   const char       *a,
                                                   const char       *b);
GPtrArray  *klynge_landscape_member_overlaps   (KlyngeLandscape     *self,
                                                guint                min_shared);
GPtrArray  *klynge_landscape_member_overlaps_on (KlyngeLandscape    *self,
                                                const KlyngeDate    *date,
                                                guint                min_shared);
GPtrArray  *klynge_landscape_member_overlaps_full (KlyngeLandscape  *self,
                                                  const KlyngeDate *date,
                                                  guint             min_shared,
                                                  guint             roles);

/* The landscape as it stood on a date */
#define KLYNGE_TYPE_LANDSCAPE_VIEW (klynge_landscape_view_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeLandscapeView, klynge_landscape_view, KLYNGE, LANDSCAPE_VIEW, GObject)

KlyngeLandscapeView *klynge_landscape_view_new       (KlyngeLandscape     *landscape,
                                                      const KlyngeDate    *date);
KlyngeLandscape     *klynge_landscape_view_get_landscape (KlyngeLandscapeView *self);
const KlyngeDate    *klynge_landscape_view_get_date  (KlyngeLandscapeView *self);
gboolean             klynge_landscape_view_is_active (KlyngeLandscapeView *self,
                                                      const char          *id);
guint                klynge_landscape_view_count_organisations (KlyngeLandscapeView *self);
guint                klynge_landscape_view_count_not_known (KlyngeLandscapeView *self);
GPtrArray           *klynge_landscape_view_list_organisations  (KlyngeLandscapeView *self,
                                                                KlyngeFilter        *filter);
GPtrArray           *klynge_landscape_view_list_members_of     (KlyngeLandscapeView *self,
                                                                const char          *organisation);
guint                klynge_landscape_view_count_members_of    (KlyngeLandscapeView *self,
                                                                const char          *organisation);
void                 klynge_landscape_view_get_member_count (KlyngeLandscapeView *self,
                                                             const char          *organisation,
                                                             KlyngeCount         *count);
KlyngeOrganisationStatus klynge_landscape_view_get_status      (KlyngeLandscapeView *self,
                                                                const char          *id,
                                                                const char         **merged_into);
const char          *klynge_landscape_view_resolve   (KlyngeLandscapeView *self,
                                                      const char          *id);

G_END_DECLS
