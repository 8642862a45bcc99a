package org.commonweal.exchange.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.commonweal.catalogue.Catalogue;
import org.commonweal.catalogue.DataResource;
import org.commonweal.exchange.ExchangeErrorCode;
import org.commonweal.exchange.ExchangeServices;
import org.commonweal.exchange.ServiceRegistration;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.Organisation;
import org.commonweal.identity.Organisations;
import org.commonweal.platform.CommonwealException;
import org.commonweal.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Department staff see and register their department's services behind the exchange gateway. */
@Controller
class ServicePageController {

    static final String PATH = "/department/exchange/services";

    private final ExchangeServices services;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final MessageSource messages;

    ServicePageController(ExchangeServices services, Catalogue catalogue, Organisations organisations, MessageSource messages) {
        this.services = services;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(CommonwealUser user, Model model) {
        Organisation department = department(user);
        return show(model, department, ServiceForm.startingWith(department.identifier() + "/"), FormErrors.none());
    }

    @PostMapping(PATH)
    String register(CommonwealUser user, @ModelAttribute("form") ServiceForm form, Model model, HttpServletResponse response,
                    Locale locale) {
        Organisation department = department(user);
        FormErrors errors = FormErrors.none();
        try {
            services.register(new ServiceRegistration(form.serviceIdText(), form.resourceCodeText(), form.baseUrlText(),
                    form.openApiText(), form.mapping()), user);
            return "redirect:" + PATH + "?saved";
        } catch (IllegalArgumentException e) {
            errors.add("fieldItems", messages.getMessage("exchange.services.mapping_line", new Object[]{e.getMessage()}, locale));
        } catch (CommonwealException e) {
            errors.add(fieldOf(e), messages.getMessage(e.errorCode().messageKey(), null, locale));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(model, department, form, errors);
    }

    private String show(Model model, Organisation department, ServiceForm form, FormErrors errors) {
        List<DataResource> offered = catalogue.ofProvider(department.identifier().memberCode()).stream()
                .filter(DataResource::offeredThroughGateway).toList();
        model.addAttribute("department", department);
        model.addAttribute("services", services.ofProvider(department.identifier().memberCode()));
        model.addAttribute("resources", offered);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "exchange/services";
    }

    private Organisation department(CommonwealUser user) {
        if (user.organisationId() == null) {
            throw new CommonwealException(ExchangeErrorCode.NOT_YOUR_DEPARTMENT, "Only a department's staff register its services");
        }
        return organisations.get(user.organisationId());
    }

    /** Which form field a refusal is about, so the error summary links to it. */
    private static String fieldOf(CommonwealException e) {
        return switch ((ExchangeErrorCode) e.errorCode()) {
            case SERVICE_ID_INVALID, SERVICE_EXISTS, NOT_YOUR_DEPARTMENT -> "serviceId";
            case RESOURCE_NOT_FOUND, RESOURCE_NOT_OFFERED, RESOURCE_NOT_THE_PROVIDERS -> "resourceCode";
            case BASE_URL_INVALID -> "baseUrl";
            case OPENAPI_TOO_LARGE -> "openApi";
            default -> "fieldItems";
        };
    }
}
