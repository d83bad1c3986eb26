/* klynge-contract.h: funding contracts with their shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__KLYNGE_INSIDE__) && !defined (KLYNGE_COMPILATION)
#error "Only <klynge/klynge.h> can be included directly."
#endif

#include <glib-object.h>
#include <klynge/klynge-record.h>
#include <klynge/klynge-period.h>

G_BEGIN_DECLS

/**
 * KlyngeShare:
 *
 * One funding source's part of a contract, in basis points (hundredths of
 * a percent, so `50.00` % is 5000). An immutable, reference-counted value.
 */
typedef struct _KlyngeShare KlyngeShare;

GType        klynge_share_get_type         (void) G_GNUC_CONST;
#define KLYNGE_TYPE_SHARE (klynge_share_get_type ())
KlyngeShare *klynge_share_new              (const char        *source,
                                            guint              basis_points,
                                            GError           **error);
KlyngeShare *klynge_share_ref              (KlyngeShare       *share);
void         klynge_share_unref            (KlyngeShare       *share);
const char  *klynge_share_get_source       (const KlyngeShare *share);
guint        klynge_share_get_basis_points (const KlyngeShare *share);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeShare, klynge_share_unref)

#define KLYNGE_TYPE_CONTRACT (klynge_contract_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeContract, klynge_contract, KLYNGE, CONTRACT, KlyngeRecord)

KlyngeContract     *klynge_contract_new            (const char         *id,
                                                    const char         *holder,
                                                    const KlyngePeriod *period,
                                                    gint64              amount);
const char         *klynge_contract_get_holder     (KlyngeContract     *self);
gboolean            klynge_contract_set_holder     (KlyngeContract     *self,
                                                    const char         *holder,
                                                    GError            **error);
const KlyngePeriod *klynge_contract_get_period     (KlyngeContract     *self);
gboolean            klynge_contract_set_period     (KlyngeContract     *self,
                                                    const KlyngePeriod *period,
                                                    GError            **error);
gint64              klynge_contract_get_amount     (KlyngeContract     *self);
gboolean            klynge_contract_has_amount     (KlyngeContract     *self);
void                klynge_contract_set_amount_unknown (KlyngeContract *self);
gboolean            klynge_contract_set_amount     (KlyngeContract     *self,
                                                    gint64              amount,
                                                    GError            **error);
const char         *klynge_contract_get_renews     (KlyngeContract     *self);
gboolean            klynge_contract_set_renews     (KlyngeContract     *self,
                                                    const char         *renews,
                                                    GError            **error);
const char         *klynge_contract_get_programme  (KlyngeContract     *self);
gboolean            klynge_contract_set_programme  (KlyngeContract     *self,
                                                    const char         *programme,
                                                    GError            **error);
GPtrArray          *klynge_contract_get_shares     (KlyngeContract     *self);
gboolean            klynge_contract_add_share      (KlyngeContract     *self,
                                                    KlyngeShare        *share,
                                                    GError            **error);
void                klynge_contract_clear_shares   (KlyngeContract     *self);
guint               klynge_contract_get_shares_total (KlyngeContract   *self);
gboolean            klynge_contract_check_shares   (KlyngeContract     *self,
                                                    GError            **error);
gboolean            klynge_contract_check_equal_shares (KlyngeContract      *self,
                                                        const char * const  *sources,
                                                        GError             **error);
gint64              klynge_contract_amount_in_period (KlyngeContract     *self,
                                                      const KlyngePeriod *period);
gint64              klynge_contract_share_amount   (KlyngeContract     *self,
                                                    const char         *source);
gint64              klynge_contract_share_amount_in_period (KlyngeContract     *self,
                                                            const char         *source,
                                                            const KlyngePeriod *period);
gboolean            klynge_contract_moves_to_successor (KlyngeContract     *self,
                                                        const char * const *predecessors,
                                                        const KlyngeDate   *effective);

G_END_DECLS
