/* klynge-filter.h: which organisations a listing returns
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-organisation.h>

G_BEGIN_DECLS

/**
 * KlyngeFilter:
 *
 * Conditions on organisations for klynge_landscape_list_organisations():
 * a kind, a focus area, a city, a region, a municipality and a date on
 * which they are active (optionally, or not known to be inactive). Every
 * condition that is set must hold. The focus area and the city match as
 * users type (part of the text, in any case); klynge_filter_check()
 * refuses a value that names nothing a landscape knows. A mutable,
 * reference-counted value.
 */
typedef struct _KlyngeFilter KlyngeFilter;

GType         klynge_filter_get_type       (void) G_GNUC_CONST;
#define KLYNGE_TYPE_FILTER (klynge_filter_get_type ())

KlyngeFilter *klynge_filter_new            (void);
KlyngeFilter *klynge_filter_ref            (KlyngeFilter           *filter);
void          klynge_filter_unref          (KlyngeFilter           *filter);
void          klynge_filter_set_kind       (KlyngeFilter           *filter,
                                            KlyngeOrganisationKind  kind);
void          klynge_filter_set_focus_area (KlyngeFilter           *filter,
                                            const char             *focus_area);
void          klynge_filter_set_city       (KlyngeFilter           *filter,
                                            const char             *city);
void          klynge_filter_set_region     (KlyngeFilter           *filter,
                                            const char             *region);
void          klynge_filter_set_municipality (KlyngeFilter         *filter,
                                              const char           *municipality);
void          klynge_filter_set_active_on  (KlyngeFilter           *filter,
                                            const KlyngeDate       *date);
void          klynge_filter_set_include_not_known (KlyngeFilter     *filter,
                                                   gboolean          include);
gboolean      klynge_filter_matches        (KlyngeFilter           *filter,
                                            KlyngeOrganisation     *organisation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeFilter, klynge_filter_unref)

G_END_DECLS
