/** The wine club domain plugin: membership tiers, shipments, loyalty points (miles) and referrals. */
@NullMarked
package io.cellardoor.plugins.club;

import org.jspecify.annotations.NullMarked;
