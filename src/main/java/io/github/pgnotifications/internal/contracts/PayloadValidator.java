package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TEMPORARY stand-in for contracts-check's PayloadValidator (dropped at merge): top-level required and types. */
public final class PayloadValidator {

    private final ChannelContract contract;

    private PayloadValidator(ChannelContract contract) {
        this.contract = contract;
    }

    public static PayloadValidator of(ChannelContract contract) {
        return new PayloadValidator(contract);
    }

    public List<PayloadViolation> validate(String payload) {
        Map<String, Object> fields = StandIns.map(StandIns.parse(payload));
        List<PayloadViolation> violations = new ArrayList<>();
        for (Object name : StandIns.list(contract.schema().get("required"))) {
            if (!fields.containsKey(String.valueOf(name))) {
                violations.add(new PayloadViolation("/" + name, "(missing)", "required"));
            }
        }
        Map<String, Object> properties = StandIns.map(contract.schema().get("properties"));
        fields.forEach((name, value) -> {
            List<?> types = StandIns.list(StandIns.map(properties.get(name)).get("type"));
            String type = StandIns.jsonType(value);
            boolean fits = types.isEmpty() || types.contains(type) || type.equals("integer") && types.contains("number");
            if (!fits) {
                violations.add(new PayloadViolation("/" + name, JsonWriter.write(value), "must be " + types));
            }
        });
        return violations;
    }
}
