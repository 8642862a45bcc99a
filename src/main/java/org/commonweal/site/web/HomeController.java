package org.commonweal.site.web;

import java.util.List;

import org.commonweal.platform.web.HomeLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the four pillars, each leading to the pages that exist for it. */
@Controller
class HomeController {

    private final List<HomeLink> links;

    HomeController(ObjectProvider<HomeLink> links) {
        this.links = links.orderedStream().toList();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("pillars", HomeLink.Pillar.values());
        model.addAttribute("links", links);
        return "home";
    }
}
