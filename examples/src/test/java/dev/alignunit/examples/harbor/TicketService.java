package dev.alignunit.examples.harbor;

import dev.alignunit.sandbox.annotation.Tool;

/** Fernhill's ticket desk: customer tickets (FH-...) and engineering tickets (ENG-...). */
public interface TicketService {

  /**
   * Reads a ticket.
   *
   * @param id the ticket id, such as {@code FH-2231}
   * @return the ticket's title, status and conversation
   */
  @Tool(description = "Read a customer or engineering ticket by id (FH-... or ENG-...).")
  String getTicket(String id);

  /**
   * Opens an engineering ticket.
   *
   * @param title a one-line summary
   * @param details what happened and what is needed
   * @return the new ticket's id
   */
  @Tool(description = "Open an engineering ticket for the platform team.")
  String createTicket(String title, String details);
}
