/* klynge-funding.h: what each funding source pays, exactly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-landscape.h>
#include <klynge/klynge-contract.h>

G_BEGIN_DECLS

/**
 * KlyngeFundingGrouping:
 * @KLYNGE_FUNDING_BY_SOURCE: one total per funding source
 * @KLYNGE_FUNDING_BY_HOLDER: one total per contract holder
 * @KLYNGE_FUNDING_BY_YEAR: one total per calendar year
 * @KLYNGE_FUNDING_BY_KIND: one total per kind of holder organisation
 * @KLYNGE_FUNDING_BY_DESIGNATION: one total per role the holder was
 *   designated in on the days paid for (see
 *   klynge_funding_total_get_designation_role_name())
 *
 * How klynge_landscape_funding_totals() groups amounts; combine them to
 * group by several at once (per source and year, say). No flag at all
 * gives one grand total.
 */
typedef enum /*< flags >*/ {
  KLYNGE_FUNDING_BY_SOURCE = 1 << 0,
  KLYNGE_FUNDING_BY_HOLDER = 1 << 1,
  KLYNGE_FUNDING_BY_YEAR   = 1 << 2,
  KLYNGE_FUNDING_BY_KIND   = 1 << 3,
  KLYNGE_FUNDING_BY_DESIGNATION = 1 << 4,
} KlyngeFundingGrouping;

GType klynge_funding_grouping_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_FUNDING_GROUPING (klynge_funding_grouping_get_type ())

/**
 * KlyngeFundingTotal:
 *
 * One row of klynge_landscape_funding_totals(): the keys it was grouped
 * by and the amount in øre. An immutable, reference-counted value.
 */
typedef struct _KlyngeFundingTotal KlyngeFundingTotal;

GType               klynge_funding_total_get_type      (void) G_GNUC_CONST;
#define KLYNGE_TYPE_FUNDING_TOTAL (klynge_funding_total_get_type ())

KlyngeFundingTotal *klynge_funding_total_ref           (KlyngeFundingTotal       *total);
void                klynge_funding_total_unref         (KlyngeFundingTotal       *total);
const char         *klynge_funding_total_get_source    (const KlyngeFundingTotal *total);
const char         *klynge_funding_total_get_holder    (const KlyngeFundingTotal *total);
guint               klynge_funding_total_get_year      (const KlyngeFundingTotal *total);
const char         *klynge_funding_total_get_kind_name (const KlyngeFundingTotal *total);
const char         *klynge_funding_total_get_designation_role_name (const KlyngeFundingTotal *total);
gint64              klynge_funding_total_get_amount    (const KlyngeFundingTotal *total);
guint               klynge_funding_total_get_n_unknown (const KlyngeFundingTotal *total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeFundingTotal, klynge_funding_total_unref)

GPtrArray *klynge_landscape_funding_totals      (KlyngeLandscape       *self,
                                                 KlyngeFundingGrouping  grouping,
                                                 const KlyngePeriod    *within);
GPtrArray *klynge_landscape_funding_totals_checked (KlyngeLandscape       *self,
                                                   KlyngeFundingGrouping  grouping,
                                                   const KlyngePeriod    *within,
                                                   GError               **error);
gint64     klynge_landscape_funding_paid        (KlyngeLandscape       *self,
                                                 const char            *source,
                                                 const char            *holder,
                                                 const KlyngePeriod    *within);
gboolean   klynge_landscape_funding_paid_checked (KlyngeLandscape      *self,
                                                  const char           *source,
                                                  const char           *holder,
                                                  const KlyngePeriod   *within,
                                                  gint64               *paid,
                                                  GError              **error);
guint      klynge_landscape_funding_count_unknown (KlyngeLandscape    *self,
                                                   const char         *source,
                                                   const char         *holder,
                                                   const KlyngePeriod *within);
GPtrArray *klynge_landscape_contracts_active_on (KlyngeLandscape       *self,
                                                 const KlyngeDate      *date);
GPtrArray *klynge_landscape_contract_chain      (KlyngeLandscape       *self,
                                                 const char            *contract);
GPtrArray *klynge_landscape_check_contract_chains (KlyngeLandscape     *self,
                                                   const char          *holder);

G_END_DECLS
