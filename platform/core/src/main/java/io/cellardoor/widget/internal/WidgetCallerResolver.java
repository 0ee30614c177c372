package io.cellardoor.widget.internal;

import io.cellardoor.web.ApiProblem;
import io.cellardoor.widget.WidgetCaller;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands controllers the {@link WidgetCaller} the request filter resolved, so a request's site key and visitor token are
 * looked up once; 401 {@code unknown-site-key} when there is none.
 */
@Configuration(proxyBeanMethods = false)
class WidgetCallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WidgetCaller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object caller = request.getAttribute(WidgetCaller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller instanceof WidgetCaller c) {
            return c;
        }
        throw ApiProblem.unknownSiteKey();
    }
}
