/* klynge.h: the one header users include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define __KLYNGE_INSIDE__

#include <klynge/klynge-version.h>
#include <klynge/klynge-error.h>
#include <klynge/klynge-date.h>
#include <klynge/klynge-period.h>
#include <klynge/klynge-money.h>
#include <klynge/klynge-count.h>
#include <klynge/klynge-identifiers.h>
#include <klynge/klynge-identifier.h>
#include <klynge/klynge-enums.h>
#include <klynge/klynge-source.h>
#include <klynge/klynge-problem.h>
#include <klynge/klynge-record.h>
#include <klynge/klynge-geography.h>
#include <klynge/klynge-organisation.h>
#include <klynge/klynge-member.h>
#include <klynge/klynge-membership.h>
#include <klynge/klynge-funding-source.h>
#include <klynge/klynge-contract.h>
#include <klynge/klynge-merger.h>
#include <klynge/klynge-initiative.h>
#include <klynge/klynge-filter.h>
#include <klynge/klynge-load-options.h>
#include <klynge/klynge-landscape.h>
#include <klynge/klynge-programme.h>
#include <klynge/klynge-area.h>
#include <klynge/klynge-funding.h>
#include <klynge/klynge-consolidation.h>
#include <klynge/klynge-due-diligence.h>
#include <klynge/klynge-export.h>
#include <klynge/klynge-report.h>
#include <klynge/klynge-diff.h>

#undef __KLYNGE_INSIDE__
