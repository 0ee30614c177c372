package io.cellardoor.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Three filter chains, first match wins:
 * <ol>
 *   <li>{@code /api/v1/admin/**}: OAuth2 resource server, bearer JWTs of the issuer only, stateless, no CSRF (no
 *       cookies), problem+json 401/403; with its RFC 9728 metadata at {@value #RESOURCE_METADATA};</li>
 *   <li>{@code /admin/**} (the console) with its OIDC login endpoints: authorization code flow with the console's
 *       client, a session, CSRF on; an unauthenticated visit is redirected to the provider;</li>
 *   <li>everything else (chat, widget, handoffs from visitors, the demo page, actuator): public as before, stateless,
 *       no CSRF (site keys, not cookies, identify callers), no login redirects; CORS stays with the widget's own
 *       filter.</li>
 * </ol>
 * Nothing contacts the provider at start-up: the JWT decoder and the client registration use explicit endpoints, and
 * the keys are fetched on the first token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    static final String REGISTRATION_ID = "cellardoor";
    /** RFC 9728 metadata of the admin API (which provider issues its tokens), linked from 401 responses. */
    static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    /**
     * Requests the firewall refuses (encoded slashes or dots in the path, control characters in headers or parameters)
     * get 400 problem+json {@code rejected-request} instead of an empty 400.
     */
    @Bean
    static org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> new io.cellardoor.web.ApiProblem(
                        org.springframework.http.HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "Request rejected",
                        "The request's path, headers or parameters hold characters this server does not accept.")
                .writeTo(response);
    }

    /** Verifies signature (keys fetched lazily from the JWK set), expiry, issuer and audience. */
    @Bean
    JwtDecoder jwtDecoder(IdentityProperties identity) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        identity.jwkSetUri().toString())
                .restOperations(providerClient())
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                JwtValidators.createDefaultWithIssuer(identity.issuerUri().toString()));
        if (!identity.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.contains(identity.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** The console's client, with Keycloak's endpoints under the issuer (no discovery at start-up). */
    @Bean
    ClientRegistrationRepository clientRegistrations(IdentityProperties identity) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Cellar Door")
                .clientId(identity.console().clientId())
                .clientSecret(identity.console().clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(identity.issuerUri().toString())
                .authorizationUri(identity.endpoint("protocol/openid-connect/auth"))
                .tokenUri(identity.endpoint("protocol/openid-connect/token"))
                .userInfoUri(identity.endpoint("protocol/openid-connect/userinfo"))
                .jwkSetUri(identity.jwkSetUri().toString())
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", identity.endpoint("protocol/openid-connect/logout")))
                .build());
    }

    /**
     * Actuator: the probes ({@code health}, {@code health/liveness}, {@code health/readiness}) and {@code info} are
     * public; everything else ({@code /actuator/prometheus}, health components) is open only on a separate management
     * port ({@code management.server.port}, 8081 in the image and the chart: never published to visitors), and needs a
     * PLATFORM_ADMIN bearer token on the visitor port. Health details show for a PLATFORM_ADMIN token only
     * ({@code management.endpoint.health.show-details: when-authorized}).
     */
    @Bean
    @Order(0)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain actuatorChain(
            HttpSecurity http,
            JwtDecoder decoder,
            IdentityProperties identity,
            ApplicationEventPublisher events,
            ManagementPort managementPort,
            ObjectProvider<SecurityContextHolderStrategy> securityContexts)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(events, securityContexts(securityContexts));
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness",
                                "/actuator/info")
                        .permitAll()
                        .requestMatchers(managementPort::matches)
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.PLATFORM_ADMIN.name()))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(
                                        token -> StaffAuthentication.of(token, identity.orgClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders.api())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain adminApiChain(
            HttpSecurity http,
            JwtDecoder decoder,
            IdentityProperties identity,
            ApplicationEventPublisher events,
            ObjectProvider<SecurityContextHolderStrategy> securityContexts)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(events, securityContexts(securityContexts));
        http.securityMatcher("/api/v1/admin/**", RESOURCE_METADATA)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, RESOURCE_METADATA)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/me")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/handoffs/*/resolve")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/documents", "/api/v1/admin/documents/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/documents", "/api/v1/admin/documents/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/documents", "/api/v1/admin/documents/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers("/api/v1/admin/visitors/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers("/api/v1/admin/orgs/**")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers(
                                "/api/v1/admin/billing",
                                "/api/v1/admin/billing/**",
                                "/api/v1/admin/budget",
                                "/api/v1/admin/budget/**",
                                "/api/v1/admin/flags",
                                "/api/v1/admin/flags/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/ingest-jobs")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/cache")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/llm-providers/**")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/api/v1/admin/llm-providers/**")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/plugins")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/plugins/**")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/plugins/jars")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/plugins/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/sites", "/api/v1/admin/sites/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/sites/**")
                        .hasRole(Role.ORG_ADMIN.name())
                        .requestMatchers(
                                HttpMethod.POST, "/api/v1/admin/curated-answers", "/api/v1/admin/curated-answers/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/curated-answers/**")
                        .hasRole(Role.EDITOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/curated-answers/**")
                        .hasRole(Role.EDITOR.name())
                        .anyRequest()
                        .hasRole(Role.VIEWER.name()))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(
                                        token -> StaffAuthentication.of(token, identity.orgClaim())))
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                about -> about.resourceName("Cellar Door admin API")
                                        .authorizationServer(
                                                identity.issuerUri().toString())
                                        .tlsClientCertificateBoundAccessTokens(false)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems); // 503 when the keys are unreachable
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders.api())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain consoleChain(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            JwtDecoder decoder,
            IdentityProperties identity,
            ObjectProvider<ConsoleSecurityCustomizer> customizers)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.securityMatcher("/admin", "/admin/**", "/oauth2/authorization/**", "/login/oauth2/code/**", "/logout")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/admin", "/admin/**")
                        .hasRole(Role.VIEWER.name())
                        .anyRequest()
                        .permitAll())
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffUsers(decoder, identity))))
                .logout(out -> out.logoutSuccessHandler(logout))
                .headers(SecurityHeaders.console(identity.issuerUri()));
        List<ConsoleSecurityCustomizer> console = customizers.orderedStream().toList();
        for (ConsoleSecurityCustomizer customizer : console) {
            customizer.customize(http);
        }
        SecurityFilterChain chain = http.build();
        console.forEach(customizer -> customizer.built(http));
        return chain;
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(SecurityHeaders.publicPaths())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * The strategy the filter chains keep the authentication in, as Spring Security's configurers pick it: the
     * context's {@link SecurityContextHolderStrategy} bean when there is exactly one (the admin console's Vaadin-aware
     * strategy), else the JVM-wide one of the moment.
     */
    private static SecurityContextHolderStrategy securityContexts(
            ObjectProvider<SecurityContextHolderStrategy> strategies) {
        return strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Console sign-in: the ID token's user, with staff roles read from the (verified) access token. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> staffUsers(
            JwtDecoder decoder, IdentityProperties identity) {
        OidcUserService oidc = new OidcUserService();
        return request -> {
            OidcUser user = oidc.loadUser(request);
            Jwt access = decoder.decode(request.getAccessToken().getTokenValue());
            StaffUser staff = StaffUser.fromClaims(access.getClaims(), identity.orgClaim());
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            staff.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    private static RestTemplate providerClient() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(PROVIDER_TIMEOUT);
        factory.setReadTimeout(PROVIDER_TIMEOUT);
        return new RestTemplate(factory);
    }
}
