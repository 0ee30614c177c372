package io.cellardoor.widget;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code cellardoor.widget.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetProperties.class)
class WidgetConfiguration {}
