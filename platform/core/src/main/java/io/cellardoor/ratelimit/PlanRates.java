package io.cellardoor.ratelimit;

/**
 * The request rates an org may make (see {@link RateLimitPlans} for where they come from), each per minute, refilled
 * evenly (a bucket of that many requests).
 *
 * @param visitorPerMinute chat, feedback and handoff requests of one visitor (their visitor token, else their address
 *     on that site)
 * @param addressPerMinute widget API requests from one client address, whatever the token (sessions included): bounds
 *     a client that mints a new visitor token for every request
 * @param sitePerMinute widget API requests of one site, all visitors together
 * @param adminUserPerMinute admin API requests of one signed-in staff user
 */
public record PlanRates(long visitorPerMinute, long addressPerMinute, long sitePerMinute, long adminUserPerMinute) {

    public PlanRates {
        if (visitorPerMinute < 1 || addressPerMinute < 1 || sitePerMinute < 1 || adminUserPerMinute < 1) {
            throw new IllegalArgumentException("every limit must be at least 1 a minute");
        }
    }
}
