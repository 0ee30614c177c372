package io.cellardoor.ratelimit.internal;

import io.cellardoor.identity.StaffUser;
import io.cellardoor.ratelimit.RateLimitPlans;
import io.cellardoor.ratelimit.RateLimitProperties;
import io.cellardoor.ratelimit.RateLimits;
import io.cellardoor.tenant.TenantService;
import io.cellardoor.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts each signed-in staff user's admin API requests ({@code /api/v1/admin/**}, after sign-in and role checks)
 * against the admin limit of their org's plan, shared by every instance; over it, 429 {@code rate-limited} with
 * {@code Retry-After}. A user without an org (a platform admin) has the configured limit. The user is read from the
 * security filter chain's {@link SecurityContextHolderStrategy} (the context's bean), not the JVM-wide holder that
 * another application context in the same JVM may have replaced.
 */
@Component
class AdminApiRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final RateLimits limits;
    private final RateLimitPlans plans;
    private final RateLimitProperties properties;
    private final TenantService tenants;
    private final SecurityContextHolderStrategy securityContexts;

    AdminApiRateLimit(
            RateLimits limits,
            RateLimitPlans plans,
            RateLimitProperties properties,
            TenantService tenants,
            ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.limits = limits;
        this.plans = plans;
        this.properties = properties;
        this.tenants = tenants;
        this.securityContexts = securityContexts.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = securityContexts.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            return true;
        }
        long perMinute = user.org() == null
                ? properties.adminRequestsPerMinute()
                : tenants.findOrgId(user.org())
                        .map(org -> plans.ratesFor(org).adminUserPerMinute())
                        .orElse((long) properties.adminRequestsPerMinute());
        long wait = limits.tryTake(RateLimits.Kind.ADMIN, user.subject(), perMinute);
        if (wait == 0) {
            return true;
        }
        ApiProblem.rateLimited(wait, "Too many admin API requests in a short time; try again in " + wait + " s.")
                .writeTo(response);
        return false;
    }
}
