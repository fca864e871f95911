package ru.parta.safety;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.parta.accounts.CurrentUser;
import ru.parta.organizations.Authority;
import ru.parta.organizations.Unit;
import ru.parta.organizations.Units;
import ru.parta.shared.AdminAction;
import ru.parta.shared.ApiException;

/**
 * Reading the audit log: a director their school, department staff their department's schools, system admins all;
 * and appending what other modules report as {@link AdminAction}.
 */
@RestController
class AuditController {

    private final AuditLog audit;
    private final Authority authority;
    private final Units units;
    private final JdbcClient jdbc;
    private final Moderation moderation;

    AuditController(AuditLog audit, Authority authority, Units units, JdbcClient jdbc, Moderation moderation) {
        this.audit = audit;
        this.authority = authority;
        this.units = units;
        this.jdbc = jdbc;
        this.moderation = moderation;
    }

    @EventListener
    void on(AdminAction action) {
        Long unit = action.unitId();
        if (unit == null && action.details() != null && action.details().get("chatId") instanceof Long chatId) {
            unit = moderation.unitOf(chatId, action.actorId());
        }
        audit.record(action.actorId(), unit, action.action(), action.details());
    }

    @GetMapping("/api/v1/units/{id}/audit")
    List<AuditLog.Entry> unitAudit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "200") int limit) {
        authority.requireWatch(user, id);
        if (!user.systemAdmin()) {
            List<Long> lineage = units.lineage(id).stream().map(Unit::id).toList();
            if (!holds(user.userId(), lineage)) {
                throw ApiException.forbidden("AUDIT_NOT_ALLOWED");
            }
        }
        return audit.ofUnit(id, Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/api/v1/audit/verify")
    AuditLog.Verification verify(@AuthenticationPrincipal CurrentUser user) {
        if (!user.systemAdmin() && !holds(user.userId(), null)) {
            throw ApiException.forbidden("AUDIT_NOT_ALLOWED");
        }
        return audit.verify();
    }

    /** Whether the user is a director or department staff in one of the units (any unit when null). */
    private boolean holds(long userId, List<Long> unitIds) {
        return jdbc.sql("""
                        select exists(select 1 from person_roles r join people p on p.id = r.person_id
                        where p.user_id = :user and r.archived_at is null and p.archived_at is null
                          and r.role in ('DIRECTOR', 'DEPARTMENT_STAFF')
                          and (:any or r.unit_id = any(:units)))
                        """)
                .param("user", userId)
                .param("any", unitIds == null)
                .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                .query(Boolean.class)
                .single();
    }
}
