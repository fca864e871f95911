package ru.parta.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that Tomcat refuses before any servlet sees them (an encoded NUL or an undecodable path) are answered by the
 * host's error report valve. This one writes the API error shape instead of Tomcat's HTML page. It runs after Spring
 * Boot's own valve set-up and sits closest to the application, so it reports first; a response that already has a
 * body is left alone. Messages are Russian unless the request asks for English, as everywhere.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> jsonErrorReports(
            ErrorMessages messages, JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                host.getPipeline().addValve(new JsonErrorReportValve(messages, json));
            }
        });
    }

    static final class JsonErrorReportValve extends ErrorReportValve {

        private final ErrorMessages messages;
        private final JsonMapper json;

        JsonErrorReportValve(ErrorMessages messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            String language = request.getHeader("Accept-Language");
            Locale locale =
                    language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
                            ? Locale.ENGLISH
                            : Locale.forLanguageTag("ru");
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(messages.error(status, StatusCodes.codeFor(status), locale)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response cannot take a body: nothing more to tell.
            }
        }
    }
}
