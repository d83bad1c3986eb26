/* klynge-initiative.h: what the support body runs
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
#include <klynge/klynge-count.h>

G_BEGIN_DECLS

/**
 * KlyngeInitiativeKind:
 * @KLYNGE_INITIATIVE_KIND_EVENT: an event such as a summit (`event`)
 * @KLYNGE_INITIATIVE_KIND_NETWORK: a standing network or group (`network`)
 * @KLYNGE_INITIATIVE_KIND_SERVICE: a service or tool (`service`)
 * @KLYNGE_INITIATIVE_KIND_CAMPAIGN: a campaign (`campaign`)
 * @KLYNGE_INITIATIVE_KIND_PROGRAMME: a programme (`programme`)
 *
 * What an initiative is.
 */
typedef enum {
  KLYNGE_INITIATIVE_KIND_EVENT,
  KLYNGE_INITIATIVE_KIND_NETWORK,
  KLYNGE_INITIATIVE_KIND_SERVICE,
  KLYNGE_INITIATIVE_KIND_CAMPAIGN,
  KLYNGE_INITIATIVE_KIND_PROGRAMME,
} KlyngeInitiativeKind;

GType klynge_initiative_kind_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_INITIATIVE_KIND (klynge_initiative_kind_get_type ())

/**
 * KlyngeInitiativeTheme:
 * @KLYNGE_INITIATIVE_THEME_CONSOLIDATION: helping clusters merge
 *   (`consolidation`)
 * @KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION: better cluster management
 *   (`professionalisation`)
 * @KLYNGE_INITIATIVE_THEME_GLOBALISATION: international links
 *   (`globalisation`)
 * @KLYNGE_INITIATIVE_THEME_BRANDING: making clusters known (`branding`)
 *
 * The support body's theme an initiative serves.
 */
typedef enum {
  KLYNGE_INITIATIVE_THEME_CONSOLIDATION,
  KLYNGE_INITIATIVE_THEME_PROFESSIONALISATION,
  KLYNGE_INITIATIVE_THEME_GLOBALISATION,
  KLYNGE_INITIATIVE_THEME_BRANDING,
} KlyngeInitiativeTheme;

GType klynge_initiative_theme_get_type (void) G_GNUC_CONST;
#define KLYNGE_TYPE_INITIATIVE_THEME (klynge_initiative_theme_get_type ())

/**
 * KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX:
 *
 * The largest participants count an initiative can state (2³² − 1).
 */
#define KLYNGE_INITIATIVE_PARTICIPANTS_COUNT_MAX G_GINT64_CONSTANT (4294967295)

#define KLYNGE_TYPE_INITIATIVE (klynge_initiative_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeInitiative, klynge_initiative, KLYNGE, INITIATIVE, KlyngeRecord)

KlyngeInitiative     *klynge_initiative_new              (const char            *id,
                                                          KlyngeInitiativeKind   kind,
                                                          KlyngeInitiativeTheme  theme,
                                                          const char            *host,
                                                          const char            *title);
const char           *klynge_initiative_get_title        (KlyngeInitiative      *self);
gboolean              klynge_initiative_set_title        (KlyngeInitiative      *self,
                                                          const char            *title,
                                                          GError               **error);
KlyngeInitiativeKind  klynge_initiative_get_kind         (KlyngeInitiative      *self);
void                  klynge_initiative_set_kind         (KlyngeInitiative      *self,
                                                          KlyngeInitiativeKind   kind);
KlyngeInitiativeTheme klynge_initiative_get_theme        (KlyngeInitiative      *self);
void                  klynge_initiative_set_theme        (KlyngeInitiative      *self,
                                                          KlyngeInitiativeTheme  theme);
const char           *klynge_initiative_get_host         (KlyngeInitiative      *self);
gboolean              klynge_initiative_set_host         (KlyngeInitiative      *self,
                                                          const char            *host,
                                                          GError               **error);
const KlyngeDate     *klynge_initiative_get_start        (KlyngeInitiative      *self);
const KlyngeDate     *klynge_initiative_get_end          (KlyngeInitiative      *self);
gboolean              klynge_initiative_set_dates        (KlyngeInitiative      *self,
                                                          const KlyngeDate      *start,
                                                          const KlyngeDate      *end,
                                                          GError               **error);
const char           *klynge_initiative_get_replaces     (KlyngeInitiative      *self);
gboolean              klynge_initiative_set_replaces     (KlyngeInitiative      *self,
                                                          const char            *replaces,
                                                          GError               **error);
const char * const   *klynge_initiative_get_participants (KlyngeInitiative      *self);
gboolean              klynge_initiative_add_participant  (KlyngeInitiative      *self,
                                                          const char            *id,
                                                          GError               **error);
void                  klynge_initiative_clear_participants (KlyngeInitiative    *self);
gboolean              klynge_initiative_add_member_participant (KlyngeInitiative *self,
                                                          const char            *id,
                                                          GError               **error);
gboolean              klynge_initiative_participant_is_member (KlyngeInitiative *self,
                                                          guint                  index);
gint64                klynge_initiative_get_participants_count (KlyngeInitiative *self);
gboolean              klynge_initiative_set_participants_count (KlyngeInitiative *self,
                                                          guint64                count,
                                                          GError               **error);
void                  klynge_initiative_unset_participants_count (KlyngeInitiative *self);
void                  klynge_initiative_count_participants (KlyngeInitiative    *self,
                                                          KlyngeCount           *count);

G_END_DECLS
