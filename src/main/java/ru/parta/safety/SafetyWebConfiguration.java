package ru.parta.safety;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the search limit. */
@Configuration
class SafetyWebConfiguration implements WebMvcConfigurer {

    private final FloodLimits limits;

    SafetyWebConfiguration(FloodLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limits).addPathPatterns("/api/v1/search");
    }
}
