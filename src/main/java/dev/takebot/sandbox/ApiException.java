package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Discord JSON error answer ({@code {"message", "code", "errors"?}}) raised anywhere in request
 * handling.
 */
final class ApiException extends RuntimeException {
  final int status;
  final int code;
  final transient ObjectNode errors;

  ApiException(int status, int code, String message, ObjectNode errors) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  ApiException(int status, int code, String message) {
    this(status, code, message, null);
  }

  static ApiException unauthorized() {
    return new ApiException(401, 0, "401: Unauthorized");
  }

  static ApiException notFound() {
    return new ApiException(404, 0, "404: Not Found");
  }

  static ApiException unknownChannel() {
    return new ApiException(404, 10003, "Unknown Channel");
  }

  static ApiException unknownMessage() {
    return new ApiException(404, 10008, "Unknown Message");
  }

  static ApiException unknownWebhook() {
    return new ApiException(404, 10015, "Unknown Webhook");
  }

  static ApiException unknownInteraction() {
    return new ApiException(404, 10062, "Unknown interaction");
  }

  static ApiException unknownCommand() {
    return new ApiException(404, 10063, "Unknown application command");
  }

  static ApiException alreadyAcknowledged() {
    return new ApiException(400, 40060, "Interaction has already been acknowledged.");
  }

  static ApiException missingAccess() {
    return new ApiException(403, 50001, "Missing Access");
  }

  static ApiException missingPermissions() {
    return new ApiException(403, 50013, "Missing Permissions");
  }

  static ApiException cannotEditOthers() {
    return new ApiException(403, 50005, "Cannot edit a message authored by another user");
  }

  static ApiException emptyMessage() {
    return new ApiException(400, 50006, "Cannot send an empty message");
  }

  static ApiException invalidForm(ObjectNode errors) {
    return new ApiException(400, 50035, "Invalid Form Body", errors);
  }

  static ApiException invalidWebhookToken() {
    return new ApiException(401, 50027, "Invalid Webhook Token");
  }
}
