package ru.parta.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Printed invitation links and class links open the browser client, which reads the path itself. */
@Controller
class ClientRoutes {

    @GetMapping({"/activate", "/join/{token}", "/admin"})
    String client() {
        return "forward:/index.html";
    }
}
