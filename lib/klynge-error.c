/* klynge-error.c: the KLYNGE_ERROR domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "klynge-private.h"

/**
 * klynge_error_quark:
 *
 * The quark of the %KLYNGE_ERROR domain, which every #GError that klynge
 * reports belongs to; its codes are the #KlyngeError values.
 *
 * Returns: the error domain's quark
 */
G_DEFINE_QUARK (klynge-error-quark, klynge_error)
